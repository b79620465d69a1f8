import { App as AntApp, Button, Result } from 'antd';
import { useT } from '../i18n/locale-provider';
import AppLayout from '../layout/app-layout';
import { AccessProvider } from './access-context';
import { PageSpinner } from './page-spinner';
import { useMe } from './use-me';

/**
 * The signed-in frame, loaded after the login: the caller's rights are loaded before anything
 * is shown, so nothing a role may not do ever flashes up. antd's App (message, modal and
 * notification hooks) lives here because only signed-in pages use it.
 */
export default function SignedIn() {
  const t = useT();
  const me = useMe(true);
  if (me.isPending) return <PageSpinner />;
  // offline, the kept answer stands: a failed refresh of it must not hide the pages
  if (me.isError && !me.data) {
    return <Result status="warning" title={t('app.meError')} extra={<Button onClick={() => me.refetch()}>{t('server.retry')}</Button>} />;
  }
  return (
    <AccessProvider me={me.data}>
      <AntApp>
        <AppLayout />
      </AntApp>
    </AccessProvider>
  );
}
