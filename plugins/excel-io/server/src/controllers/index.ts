import exportRuns from './exports';
import imports from './imports';
import mappings from './mappings';
import templates from './templates';

export default { exports: exportRuns, imports, mappings, templates };
