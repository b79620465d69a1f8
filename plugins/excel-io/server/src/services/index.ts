import importJobs from './import-jobs';
import importRows from './import-rows';
import imports from './imports';
import mappings from './mappings';
import plans from './plans';
import reports from './reports';

export default { 'import-jobs': importJobs, 'import-rows': importRows, imports, mappings, plans, reports };
