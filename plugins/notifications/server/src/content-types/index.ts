import delivery from './delivery';
import notification from './notification';
import preference from './preference';
import webhook from './webhook';
import webhookDelivery from './webhook-delivery';

export default { notification, delivery, preference, webhook, 'webhook-delivery': webhookDelivery };
