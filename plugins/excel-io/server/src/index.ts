import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';
import { stopCleanup } from './export/cleanup-schedule';

export default {
  register,
  bootstrap,
  destroy: stopCleanup,
  config,
  contentTypes,
  controllers,
  routes,
  services,
};
