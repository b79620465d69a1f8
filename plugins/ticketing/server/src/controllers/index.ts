import fieldTypes from './field-types';
import tickets from './tickets';
import ticketTypes from './ticket-types';

export default {
  'field-types': fieldTypes,
  tickets,
  'ticket-types': ticketTypes,
};
