import deliveries from './deliveries';
import fanOut from './fan-out';
import inbox from './inbox';
import indexes from './indexes';
import mailer from './mailer';
import preferences from './preferences';
import recipients from './recipients';
import webhookDeliveries from './webhook-deliveries';
import webhooks from './webhooks';

export default { deliveries, 'fan-out': fanOut, inbox, indexes, mailer, preferences, recipients, 'webhook-deliveries': webhookDeliveries, webhooks };
