import board from './board';
import httpMetrics from './http-metrics';
import metrics from './metrics';

export default { board, 'http-metrics': httpMetrics, metrics };
