import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Empty, Popover, Space, Typography } from 'antd';
import { BellOutlined, CheckOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../i18n/locale-provider';
import { useMarkAllRead, useMarkRead, useRecentNotifications, type AppNotification } from '../../services/notifications';
import { notificationText } from './notification-text';

/** The header's bell: the unread count, and a dropdown of the newest notifications linking to their tickets. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const recent = useRecentNotifications(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = recent.data?.meta.unread ?? 0;
  const openTicket = (n: AppNotification) => {
    if (!n.read) markRead.mutate(n.id);
    setOpen(false);
    navigate(`/tickets/${encodeURIComponent(n.ticket.id)}`);
  };
  const content = (
    <div style={{ width: 360 }} data-testid="bell-panel">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
        <Typography.Text strong>{t('bell.title')}</Typography.Text>
        <Space size="small">
          <Button size="small" icon={<CheckOutlined />} disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="bell-read-all">
            {t('bell.readAll')}
          </Button>
          <Link to="/notifications/preferences" onClick={() => setOpen(false)} data-testid="bell-preferences">
            <SettingOutlined /> {t('bell.preferences')}
          </Link>
        </Space>
      </Space>
      {recent.data?.data.length ? (
        <div style={{ maxHeight: 400, overflowY: 'auto' }} role="list">
          {recent.data.data.map((n) => (
            <div
              key={n.id}
              role="listitem"
              data-testid="bell-item"
              data-read={n.read ? 'true' : 'false'}
              style={{ cursor: 'pointer', background: n.read ? undefined : '#e6f4ff', padding: '6px 8px', borderBottom: '1px solid #f0f0f0' }}
              onClick={() => openTicket(n)}
            >
              {/* React escapes the text: a note's markup stays characters */}
              <Typography.Text ellipsis={{ tooltip: true }} style={{ display: 'block', maxWidth: 340 }}>
                {notificationText(n, t)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </div>
          ))}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      )}
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Badge count={unread} size="small" overflowCount={99} data-testid="bell-count" data-unread={unread}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('bell.title')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
