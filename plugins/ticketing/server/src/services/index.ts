import access from './access';
import fieldTypes from './field-types';
import seed from './seed';
import ticketTypes from './ticket-types';

export default {
  access,
  'field-types': fieldTypes,
  seed,
  'ticket-types': ticketTypes,
};
