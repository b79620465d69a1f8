import notifications from './notifications';
import preferences from './preferences';
import webhooks from './webhooks';

export default { notifications, preferences, webhooks };
