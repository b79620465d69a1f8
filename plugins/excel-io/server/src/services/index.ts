import exportJobs from './export-jobs';
import exportRuns from './exports';
import importJobs from './import-jobs';
import importRows from './import-rows';
import imports from './imports';
import mappings from './mappings';
import plans from './plans';
import reports from './reports';
import templates from './templates';

export default { 'export-jobs': exportJobs, exports: exportRuns, templates, 'import-jobs': importJobs, 'import-rows': importRows, imports, mappings, plans, reports };
