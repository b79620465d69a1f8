/** A form's diff is the audit's field-level diff (`{ field: [before, after] }`, absent values null). */
export { diffRecords as diffForms, type RecordDiff as FormDiff } from 'strapi-plugin-access';
