import ticketType from './ticket-type';
import ticketTypeRevision from './ticket-type-revision';

export default {
  'ticket-type': ticketType,
  'ticket-type-revision': ticketTypeRevision,
};
