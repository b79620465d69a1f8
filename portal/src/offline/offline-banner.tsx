import { useState, useSyncExternalStore } from 'react';
import { onlineManager } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useT } from '../i18n/locale-provider';
import { router } from '../router';
import { outbox } from './outbox';
import type { OutboxItem } from './outbox-types';
import { syncOutboxNow } from './outbox-sync';
import { swUpdate } from './register-sw';

/** A ticket as the banner names it: the start of its id. */
const shortId = (ticketId: string) => ticketId.slice(0, 8);

function ItemLine({ item }: { item: OutboxItem }) {
  const t = useT();
  const ticket = shortId(item.ticketId);
  const open = () => void router.navigate(`/tickets/${encodeURIComponent(item.ticketId)}`);
  return (
    <li data-testid="offline-item" data-kind={item.kind} data-state={item.state} data-ticket={item.ticketId}>
      <Space wrap size="small">
        <span>{item.kind === 'photo' ? t('offline.photo', { ticket, name: item.name }) : t('offline.update', { ticket })}</span>
        {item.state === 'conflict' && <Typography.Text type="warning">{t('offline.conflict')}</Typography.Text>}
        {item.state === 'failed' && <Typography.Text type="danger">{t('offline.failed', { message: item.error ?? '' })}</Typography.Text>}
        {item.state !== 'waiting' && (
          <Button size="small" type="link" onClick={open}>
            {t('offline.open')}
          </Button>
        )}
        {item.state === 'failed' && (
          <Popconfirm title={t('offline.discardConfirm')} onConfirm={() => void outbox.discard(item.seq)}>
            <Button size="small" type="link" danger>
              {t('offline.discard')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </li>
  );
}

/**
 * Over every signed-in page: that the browser is offline (and what is shown comes from this
 * device), what is waiting to be sent, what needs the user (a conflict, a refusal), and a new
 * version of the portal ready to load.
 */
export function OfflineBanner() {
  const t = useT();
  const online = useSyncExternalStore(onlineManager.subscribe, () => onlineManager.isOnline());
  const items = useSyncExternalStore(outbox.subscribe, outbox.items);
  const updateReady = useSyncExternalStore(swUpdate.subscribe, swUpdate.ready);
  const [sending, setSending] = useState(false);
  const waiting = items.some((item) => item.state === 'waiting');
  const sendNow = async () => {
    setSending(true);
    try {
      await syncOutboxNow();
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      {updateReady && (
        <Alert
          banner
          type="success"
          data-testid="update-ready"
          title={t('offline.updateReady')}
          action={
            <Button size="small" type="primary" onClick={() => void swUpdate.reload()}>
              {t('offline.reload')}
            </Button>
          }
        />
      )}
      {(!online || items.length > 0) && (
        <Alert
          banner
          type={items.some((item) => item.state !== 'waiting') ? 'warning' : 'info'}
          data-testid="offline-banner"
          data-online={online}
          title={
            <Space wrap size="small">
              {!online && <span data-testid="offline-notice">{t('offline.offline')}</span>}
              {items.length > 0 && (
                <strong data-testid="offline-count" data-count={items.length}>
                  {t('offline.waiting', { count: items.length })}
                </strong>
              )}
            </Space>
          }
          description={
            items.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {items.map((item) => (
                  <ItemLine key={item.seq} item={item} />
                ))}
              </ul>
            )
          }
          action={
            online &&
            waiting && (
              <Button size="small" loading={sending} onClick={() => void sendNow()} data-testid="offline-send">
                {sending ? t('offline.sending') : t('offline.sendNow')}
              </Button>
            )
          }
        />
      )}
    </>
  );
}
