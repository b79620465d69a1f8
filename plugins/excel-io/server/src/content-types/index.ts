import importMapping from './import-mapping';
import importRow from './import-row';

export default { 'import-mapping': importMapping, 'import-row': importRow };
