import fieldTypes from './field-types';
import ticketTypes from './ticket-types';

export default {
  'field-types': fieldTypes,
  'ticket-types': ticketTypes,
};
