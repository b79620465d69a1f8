import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useT } from '../i18n/locale-provider';
import { useAccess } from './access-context';
import type { Access } from './access';

/** Shows `children` only to a caller with the access flag `flag` (a page reached by its URL alone). */
export function RequireAccess({ flag, children }: { flag: keyof Access; children: ReactNode }) {
  const t = useT();
  const { access } = useAccess();
  return access[flag] ? <>{children}</> : <Result status="403" title={t('app.forbidden')} data-testid="forbidden" />;
}
