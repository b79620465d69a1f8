import fieldTypes from './field-types';
import files from './files';
import me from './me';
import photos from './photos';
import ticketMigrations from './ticket-migrations';
import tickets from './tickets';
import ticketTypes from './ticket-types';

export default {
  'field-types': fieldTypes,
  files,
  me,
  photos,
  'ticket-migrations': ticketMigrations,
  tickets,
  'ticket-types': ticketTypes,
};
