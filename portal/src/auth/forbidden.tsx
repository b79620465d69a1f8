import { Result } from 'antd';
import { useT } from '../i18n/locale-provider';

/** The page a role may not open. */
export default function Forbidden() {
  const t = useT();
  return <Result status="403" title={t('app.forbidden')} data-testid="forbidden" />;
}
