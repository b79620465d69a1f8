import { Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { Button, Layout, Result, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { PageSpinner } from '../auth/require-auth';
import { useAccess } from '../auth/access-context';
import { authClient } from '../auth/session';
import { useT } from '../i18n/locale-provider';
import { createDraftStore, draftPrefixFor } from '../pages/tickets/detail/form/draft-store';
import { signedInUser } from '../offline/signed-in-user';
import { queryClient } from '../services/query-client';
import { NotificationBell } from './bell/notification-bell';
import { LanguageSwitch } from './language-switch';
import { PhoneHeader } from './phone-header';
import { usePhone } from './use-phone';
import type { MessageKey } from '../i18n/zh-cn';

/** The frame of the signed-in pages: title, language switch, who is signed in, sign-out. */
export default function AppLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { me, access } = useAccess();
  const phone = usePhone();
  const roleKey = `role.${me.role ?? 'none'}` as MessageKey;
  const logout = async () => {
    // whose drafts to forget: read before the sign-out forgets the token
    const drafts = createDraftStore(window.localStorage, draftPrefixFor(signedInUser()));
    await authClient.logout();
    // an explicit sign-out leaves nothing behind: cached data and the user's form drafts go
    drafts.clearAll();
    queryClient.clear();
    navigate('/login', { replace: true });
  };
  const page = access.canReadTickets ? (
    <Suspense fallback={<PageSpinner />}>
      <Outlet />
    </Suspense>
  ) : (
    <Result status="403" title={t('app.noRights')} />
  );
  if (phone) {
    return (
      <Layout style={{ minHeight: '100vh' }} className="phone-layout">
        <Layout.Header className="phone-layout-header">
          <PhoneHeader onLogout={logout} />
        </Layout.Header>
        <Layout.Content className="phone-layout-content">{page}</Layout.Content>
      </Layout>
    );
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <Link to="/tickets" style={{ fontWeight: 600, fontSize: 16 }}>
          {t('app.title')}
        </Link>
        {access.canAssign && (
          <Link to="/my-tickets" data-testid="nav-my-tickets">
            {t('app.myTickets')}
          </Link>
        )}
        <Link to="/tickets">{t('app.tickets')}</Link>
        {access.canImport && (
          <Link to="/imports" data-testid="nav-imports">
            {t('app.imports')}
          </Link>
        )}
        {access.canExport && (
          <Link to="/exports" data-testid="nav-exports">
            {t('app.exports')}
          </Link>
        )}
        {access.canMigrateTicketTypes && (
          <Link to="/ticket-types" data-testid="nav-ticket-types">
            {t('app.ticketTypes')}
          </Link>
        )}
        <Space style={{ marginLeft: 'auto' }}>
          {access.canReadNotifications && <NotificationBell />}
          <LanguageSwitch />
          <Space data-testid="current-user">
            <UserOutlined />
            <Typography.Text>{me.username}</Typography.Text>
            <Tag data-testid="current-role">{t(roleKey)}</Tag>
          </Space>
          <Button icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
            {t('app.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{page}</Layout.Content>
    </Layout>
  );
}
