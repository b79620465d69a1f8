import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Drawer, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAccess } from '../auth/access-context';
import { useT } from '../i18n/locale-provider';
import type { MessageKey } from '../i18n/zh-cn';
import { NotificationBell } from './bell/notification-bell';
import { LanguageSwitch } from './language-switch';

/** A header link as a full-width row of the phone menu (a 44 px touch target). */
function MenuLink({ to, testId, label, onClick }: { to: string; testId?: string; label: string; onClick: () => void }) {
  return (
    <Link to={to} data-testid={testId} onClick={onClick} className="phone-menu-link">
      {label}
    </Link>
  );
}

/**
 * The phone header: the product mark, the bell (always in reach) and a menu holding what the
 * desktop header shows in a row — the pages, the language, who is signed in, sign-out.
 */
export function PhoneHeader({ onLogout }: { onLogout: () => void }) {
  const t = useT();
  const { me, access } = useAccess();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const roleKey = `role.${me.role ?? 'none'}` as MessageKey;
  return (
    <div className="phone-header" data-testid="phone-header">
      <Link to="/tickets" className="phone-mark">
        {t('phone.mark')}
      </Link>
      <Space size={4}>
        {access.canReadNotifications && <NotificationBell />}
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('phone.menu')}
          onClick={() => setOpen(true)}
          data-testid="phone-menu"
          className="touch-target"
        />
      </Space>
      <Drawer open={open} onClose={close} placement="right" size={280} title={t('phone.menu')} data-testid="phone-menu-drawer">
        <nav className="phone-menu">
          {access.canAssign && <MenuLink to="/my-tickets" testId="nav-my-tickets" label={t('app.myTickets')} onClick={close} />}
          <MenuLink to="/tickets" testId="nav-tickets" label={t('app.tickets')} onClick={close} />
          <MenuLink to="/tickets/near" testId="nav-near" label={t('near.nav')} onClick={close} />
          {access.canImport && <MenuLink to="/imports" testId="nav-imports" label={t('app.imports')} onClick={close} />}
          {access.canExport && <MenuLink to="/exports" testId="nav-exports" label={t('app.exports')} onClick={close} />}
          {access.canMigrateTicketTypes && (
            <MenuLink to="/ticket-types" testId="nav-ticket-types" label={t('app.ticketTypes')} onClick={close} />
          )}
          {access.canReadNotifications && (
            <MenuLink to="/notifications/preferences" testId="nav-notification-preferences" label={t('bell.preferences')} onClick={close} />
          )}
          <LanguageSwitch />
          <Space data-testid="current-user" className="phone-menu-user">
            <UserOutlined />
            <Typography.Text>{me.username}</Typography.Text>
            <Tag data-testid="current-role">{t(roleKey)}</Tag>
          </Space>
          <Button block icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout" className="touch-target">
            {t('app.logout')}
          </Button>
        </nav>
      </Drawer>
    </div>
  );
}
