import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '../../i18n/locale-provider';

/** Any path the portal does not know. */
export default function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Link to="/tickets">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
