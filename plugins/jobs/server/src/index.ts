import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import middlewares from './middlewares';
import routes from './routes';
import services from './services';

export type { AddOptions, JobContext, JobProcessor, JobProgress, QueueOptions } from './types';
export type { JobRecord } from './services/records';
export type { TypedQueue } from './services/queues';

export default {
  bootstrap,
  config,
  contentTypes,
  controllers,
  destroy,
  middlewares,
  routes,
  services,
};
