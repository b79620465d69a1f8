import board from './board';
import metrics from './metrics';

export default { board, metrics };
