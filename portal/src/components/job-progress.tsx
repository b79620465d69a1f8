import { useEffect, useRef, useState } from 'react';
import { Button, Progress, Space, Typography } from 'antd';
import { useT } from '../i18n/locale-provider';
import { isOpen, percentDone, ratePerSecond, type Job, type ProgressSample } from '../services/jobs';

/** Rows per second of an open job, from the progress readings seen since it was shown. */
function useRate(job: Job): number | null {
  const samples = useRef<ProgressSample[]>([]);
  const [rate, setRate] = useState<number | null>(null);
  const done = job.progress?.done;
  useEffect(() => {
    if (done === undefined) return;
    const list = samples.current;
    if (list.length && list[list.length - 1].done === done) return;
    list.push({ at: Date.now(), done });
    if (list.length > 30) list.shift();
    setRate(ratePerSecond(list));
  }, [done]);
  return isOpen(job) ? rate : null;
}

interface Props {
  job: Job;
  /** The progress text, e.g. "120 / 300 行". */
  label: (done: number, total: number) => string;
  onCancel?: () => void;
  cancelling?: boolean;
}

/** A job's live progress: bar, done / total, rows per second, and a cancel button while it is open. */
export function JobProgress({ job, label, onCancel, cancelling }: Props) {
  const t = useT();
  const rate = useRate(job);
  const done = job.progress?.done ?? 0;
  const total = job.progress?.total ?? 0;
  const status = job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : isOpen(job) ? 'active' : 'normal';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="job-progress" data-status={job.status}>
      <Progress percent={job.status === 'succeeded' ? 100 : percentDone(job.progress)} status={status} />
      <Space wrap>
        <Typography.Text data-testid="job-progress-count">{job.status === 'queued' && !done ? t('import.waiting') : label(done, total)}</Typography.Text>
        {rate !== null && <Typography.Text type="secondary" data-testid="job-progress-rate">{t('import.rate', { rate: Math.round(rate).toLocaleString() })}</Typography.Text>}
        {onCancel && isOpen(job) && (
          <Button size="small" danger onClick={onCancel} loading={cancelling} disabled={job.cancelRequested} data-testid="job-cancel">
            {job.cancelRequested ? t('job.cancelRequested') : t('job.cancel')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
