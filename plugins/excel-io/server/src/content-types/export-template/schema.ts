/**
 * An admin's .xlsx layout for exports of one ticket type: a title area with placeholders and a
 * data row (plugins/excel-io/README.md "Templates"). Uploaded in the Content Manager or through
 * POST /api/excel-io/templates; checked when uploaded there and whenever an export uses it.
 */
export default {
  kind: 'collectionType',
  collectionName: 'excel_io_export_templates',
  info: { singularName: 'export-template', pluralName: 'export-templates', displayName: 'Export template' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true },
    ticketType: { type: 'string', required: true },
    file: { type: 'media', multiple: false, required: true, allowedTypes: ['files'] },
  },
};
