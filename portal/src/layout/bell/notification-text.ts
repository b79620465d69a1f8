import type { MessageKey } from '../../i18n/zh-cn';
import type { AppNotification } from '../../services/notifications';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A notification as one sentence in the UI language, from its kind and parameters; the ticket
 * by its title (its id's start when it has none), states and clocks by their labels.
 */
export function notificationText(n: AppNotification, t: Translate): string {
  const title = n.ticket.title || n.ticket.id.slice(0, 8);
  const actor = n.params.actor || t('bell.someone');
  const label = (prefix: 'status' | 'sla', value: string | null | undefined) => {
    if (!value) return '—';
    const key = `${prefix}.${value}` as MessageKey;
    const text = t(key);
    return text === key ? value : text;
  };
  switch (n.kind) {
    case 'assigned':
      return t('bell.assigned', { actor, title });
    case 'noted':
      return t('bell.noted', { actor, title, note: n.params.note ?? '' });
    case 'transitioned':
      return t('bell.transitioned', { actor, title, from: label('status', n.params.from), to: label('status', n.params.to) });
    case 'sla_warning':
      return t('bell.slaWarning', { title, clock: label('sla', n.params.clock) });
    case 'sla_breached':
      return t('bell.slaBreached', { title, clock: label('sla', n.params.clock) });
    default:
      return t('bell.other', { title, kind: n.kind });
  }
}
