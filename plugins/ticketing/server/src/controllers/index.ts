import fieldTypes from './field-types';
import files from './files';
import me from './me';
import photos from './photos';
import tickets from './tickets';
import ticketTypes from './ticket-types';

export default {
  'field-types': fieldTypes,
  files,
  me,
  photos,
  tickets,
  'ticket-types': ticketTypes,
};
