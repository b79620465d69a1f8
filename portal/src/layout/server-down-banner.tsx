import { useState, useSyncExternalStore } from 'react';
import { Alert, Button } from 'antd';
import { errorFromResponse } from '../api/api-error';
import { connectivity } from '../auth/session';
import { useT } from '../i18n/locale-provider';
import { queryClient } from '../services/query-client';

/** Asks the CMS anything: an answer in its own JSON (even a 401) means it is up. */
async function probe(): Promise<boolean> {
  try {
    const res = await fetch('/api/ticketing/me', { headers: { Accept: 'application/json' } });
    return errorFromResponse(res.status, await res.text()).kind !== 'unavailable';
  } catch (error) {
    console.warn('the CMS is still unreachable', error);
    return false;
  }
}

/** A banner over every page while the CMS cannot be reached, with a retry that reloads what the page shows. */
export function ServerDownBanner() {
  const t = useT();
  const down = useSyncExternalStore(connectivity.subscribe, connectivity.isDown);
  const [retrying, setRetrying] = useState(false);
  if (!down) return null;
  const retry = async () => {
    setRetrying(true);
    try {
      if (await probe()) {
        connectivity.markUp();
        await queryClient.refetchQueries({ type: 'active' });
      }
    } finally {
      setRetrying(false);
    }
  };
  return (
    <Alert
      banner
      type="error"
      role="alert"
      data-testid="server-down"
      title={t('server.down')}
      action={
        <Button size="small" danger loading={retrying} onClick={retry}>
          {retrying ? t('server.retrying') : t('server.retry')}
        </Button>
      }
    />
  );
}
