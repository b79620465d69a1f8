import exportFile from './export-file';
import exportTemplate from './export-template';
import importMapping from './import-mapping';
import importRow from './import-row';

export default { 'export-file': exportFile, 'export-template': exportTemplate, 'import-mapping': importMapping, 'import-row': importRow };
