import { Tag } from 'antd';
import { useT } from '../i18n/locale-provider';
import type { JobState } from '../services/jobs';

const COLORS: Record<JobState, string> = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error', cancelled: 'warning' };

/** A background job's state as a coloured tag in the UI language. */
export function JobStatusTag({ status }: { status: JobState }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} data-testid="job-status" data-status={status}>
      {t(`job.${status}`)}
    </Tag>
  );
}
