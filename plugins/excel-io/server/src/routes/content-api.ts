import { route } from 'strapi-plugin-access';
import { IMPORT_RIGHT } from '../constants';
import { EXPORT_MANAGE_RIGHT, EXPORT_READ_RIGHT } from '../export/settings';

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
    // exports: what the caller can read (export.read, every role); templates are export.manage's
    route('POST', '/exports', 'exports.start', EXPORT_READ_RIGHT),
    route('GET', '/exports/:jobId/download', 'exports.download', EXPORT_READ_RIGHT),
    route('GET', '/exports/:jobId/link', 'exports.link', EXPORT_READ_RIGHT),
    route('POST', '/tickets/:ticketId/report', 'exports.ticketReport', EXPORT_READ_RIGHT),
    route('GET', '/templates', 'templates.find', EXPORT_READ_RIGHT),
    route('POST', '/templates', 'templates.create', EXPORT_MANAGE_RIGHT),
    route('DELETE', '/templates/:id', 'templates.delete', EXPORT_MANAGE_RIGHT),
  ],
};
