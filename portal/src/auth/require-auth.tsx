import { lazy, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useT } from '../i18n/locale-provider';
import { AccessProvider } from './access-context';
import { useMe } from './use-me';
import { sessionExpired } from './session';
import { useLoggedIn } from './use-session';

const AppLayout = lazy(() => import('../layout/app-layout'));

/** A full-page spinner while a chunk or the caller's rights load. */
export function PageSpinner() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

/**
 * The signed-in part of the app: without a login, the login page (remembering this page);
 * with one, the caller's rights are loaded before anything is shown, so nothing a role may
 * not do ever flashes up.
 */
export function RequireAuth() {
  const t = useT();
  const location = useLocation();
  const loggedIn = useLoggedIn();
  const me = useMe(loggedIn);
  if (!loggedIn) {
    // the login page remembers this page, and says so when the session expired (the form draft waits)
    const redirect = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?redirect=${redirect}${sessionExpired() ? '&expired=1' : ''}`} replace />;
  }
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return <Result status="warning" title={t('app.meError')} extra={<Button onClick={() => me.refetch()}>{t('server.retry')}</Button>} />;
  }
  return (
    <AccessProvider me={me.data}>
      <Suspense fallback={<PageSpinner />}>
        <AppLayout />
      </Suspense>
    </AccessProvider>
  );
}
