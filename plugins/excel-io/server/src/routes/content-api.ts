import { route } from 'strapi-plugin-access';
import { IMPORT_RIGHT } from '../constants';

/** Every route needs `import.run` (config/roles.yaml: publisher, admin); deleting a saved mapping is for admins. */
export default {
  type: 'content-api',
  routes: [
    route('POST', '/imports', 'imports.start', IMPORT_RIGHT),
    route('POST', '/imports/preview', 'imports.preview', IMPORT_RIGHT),
    route('GET', '/imports/:jobId/report', 'imports.report', IMPORT_RIGHT),
    route('GET', '/imports/:jobId/report.xlsx', 'imports.reportWorkbook', IMPORT_RIGHT),
    route('GET', '/mappings', 'mappings.find', IMPORT_RIGHT),
    route('POST', '/mappings', 'mappings.create', IMPORT_RIGHT),
    route('DELETE', '/mappings/:id', 'mappings.delete', IMPORT_RIGHT),
  ],
};
