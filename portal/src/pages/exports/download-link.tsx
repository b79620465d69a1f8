import { useState } from 'react';
import { App, Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/api-error';
import { api } from '../../auth/session';
import { useT } from '../../i18n/locale-provider';
import { formatBytes } from '../../services/jobs';
import { linkAlive } from './export-request';
import type { ExportResult } from './export-types';

/**
 * The finished export's file: its signed link while that works; after, the button asks the CMS
 * for a fresh one (GET …/link) and follows it, until the file itself is removed (410: "expired").
 */
export function DownloadLink({ jobId, result }: { jobId: string; result: ExportResult }) {
  const t = useT();
  const { message } = App.useApp();
  const [removed, setRemoved] = useState(false);
  const [fetching, setFetching] = useState(false);
  const label = `${t('export.download')} · ${result.filename} (${formatBytes(result.bytes)})`;
  if (removed) return <Typography.Text type="secondary" data-testid="export-removed">{t('export.removed')}</Typography.Text>;
  if (linkAlive(result)) {
    return (
      <Button type="primary" icon={<DownloadOutlined />} href={result.url} download={result.filename} data-testid="export-download">
        {label}
      </Button>
    );
  }
  const fetchLink = async () => {
    setFetching(true);
    try {
      const { data } = await api<{ data: { url: string } }>(`/api/excel-io/exports/${encodeURIComponent(jobId)}/link`);
      window.location.assign(data.url);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) setRemoved(true);
      else void message.error((error as Error).message);
    } finally {
      setFetching(false);
    }
  };
  return (
    <Button type="primary" icon={<DownloadOutlined />} loading={fetching} onClick={() => void fetchLink()} data-testid="export-download">
      {label}
    </Button>
  );
}
