import fieldTypes from './field-types';
import files from './files';
import photos from './photos';
import tickets from './tickets';
import ticketTypes from './ticket-types';

export default {
  'field-types': fieldTypes,
  files,
  photos,
  tickets,
  'ticket-types': ticketTypes,
};
