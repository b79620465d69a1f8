import imports from './imports';
import mappings from './mappings';

export default { imports, mappings };
