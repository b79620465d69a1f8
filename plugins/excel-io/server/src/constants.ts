export const IMPORT_ROW_UID = 'plugin::excel-io.import-row';
export const IMPORT_MAPPING_UID = 'plugin::excel-io.import-mapping';
/** The jobs plugin queue imports run on. */
export const IMPORT_QUEUE = 'import';
/** Where uploaded files are kept on the upload provider (under its root). */
export const IMPORTS_PATH = 'imports';
/** The right every route of this plugin needs (config/roles.yaml). */
export const IMPORT_RIGHT = 'import.run';
/** The right that sees every user's jobs: its holders read every report and delete saved mappings. */
export const MANAGE_RIGHT = 'jobs.manage';
