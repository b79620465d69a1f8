import { Tag } from 'antd';
import { useT } from '../i18n/locale-provider';
import type { TicketStatus } from '../services/ticket';

const COLORS: Record<TicketStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  in_progress: 'gold',
  resolved: 'green',
  closed: 'purple',
  rejected: 'red',
};

/** A ticket's status as a coloured tag in the UI language. */
export function StatusTag({ status }: { status: TicketStatus }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} data-testid="status-tag" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
