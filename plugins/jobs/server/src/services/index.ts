import alerts from './alerts';
import board from './board';
import cancelFlags from './cancel-flags';
import jobs from './jobs';
import metrics from './metrics';
import queues from './queues';
import records from './records';
import workers from './workers';

export default {
  alerts,
  board,
  'cancel-flags': cancelFlags,
  jobs,
  metrics,
  queues,
  records,
  workers,
};
