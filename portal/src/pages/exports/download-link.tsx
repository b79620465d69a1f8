import { Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/locale-provider';
import { formatBytes } from '../../services/jobs';
import { linkAlive } from './export-request';
import type { ExportResult } from './export-types';

/** The finished export's file: its signed link (the object store names the file), or "expired". */
export function DownloadLink({ result }: { result: ExportResult }) {
  const t = useT();
  if (!linkAlive(result)) return <Typography.Text type="secondary">{t('export.expired')}</Typography.Text>;
  return (
    <Button type="primary" icon={<DownloadOutlined />} href={result.url} download={result.filename} data-testid="export-download">
      {t('export.download')} · {result.filename} ({formatBytes(result.bytes)})
    </Button>
  );
}
