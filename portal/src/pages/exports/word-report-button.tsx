import { useEffect, useRef, useState } from 'react';
import { Button, Space } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/locale-provider';
import { useJob } from '../../services/job-queries';
import { isOpen } from '../../services/jobs';
import { DownloadLink } from './download-link';
import { useStartWordReport } from './export-queries';
import type { ExportResult } from './export-types';

/** "Word report" on the ticket page: one click makes the ticket's .docx; it downloads when ready. */
export function WordReportButton({ ticketId }: { ticketId: string }) {
  const t = useT();
  const [jobId, setJobId] = useState<string>();
  const start = useStartWordReport(ticketId);
  const job = useJob<ExportResult>(jobId);
  const saved = useRef<string>(undefined);
  const result = job.data?.status === 'succeeded' ? job.data.result : null;
  // the click asked for the file: it is handed to the browser once, as soon as it exists
  useEffect(() => {
    if (!result || !jobId || saved.current === jobId) return;
    saved.current = jobId;
    const link = document.createElement('a');
    link.href = result.url;
    link.download = result.filename;
    link.click();
  }, [result, jobId]);
  const busy = start.isPending || isOpen(job.data);
  return (
    <Space>
      <Button icon={<FileWordOutlined />} loading={busy} onClick={() => start.mutate(undefined, { onSuccess: (j) => setJobId(j.documentId) })} data-testid="word-report">
        {busy ? t('export.wordReportStarted') : t('export.wordReport')}
      </Button>
      {result && jobId && <DownloadLink jobId={jobId} result={result} />}
    </Space>
  );
}
