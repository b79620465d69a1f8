import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../i18n/locale-provider';
import type { TicketStatus } from '../services/ticket';
import { formatDuration, secondsLeft, shownClock, slaColor, type TicketSla } from '../services/sla';

/** The current time, moving every `ms` while mounted (a countdown's clock). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * A ticket's SLA as a countdown tag: time left on the clock that runs (or "breached for …"),
 * orange at the warning share, red once breached. Nothing when the type has no SLA.
 */
export function SlaTag({ sla, status }: { sla: TicketSla | null | undefined; status?: TicketStatus }) {
  const t = useT();
  const now = useNow(1000);
  // when this answer arrived, for a running clock the server gave no due moment for
  const [answeredAt] = useState(() => Date.now());
  if (!sla?.state) return null;
  const clock = shownClock(sla);
  if (!clock) return null;
  const left = secondsLeft(clock, now, answeredAt);
  const units = { d: t('sla.d'), h: t('sla.h'), m: t('sla.m'), s: t('sla.s') };
  const color = slaColor(sla.state, clock, left);
  const kind = clock === sla.response ? t('sla.response') : t('sla.resolution');
  const overdue = left < 0 || clock.state === 'breached';
  // a stopped clock within its target: met once the ticket is resolved or closed, else paused (rejected, back in draft)
  const done = status === 'resolved' || status === 'closed';
  const text = overdue
    ? t('sla.breachedFor', { time: formatDuration(Math.min(left, 0), units) })
    : clock.running
      ? t('sla.left', { time: formatDuration(left, units) })
      : done
        ? t('sla.met')
        : t('sla.paused', { time: formatDuration(left, units) });
  const tip = [
    kind,
    t('sla.target', { time: formatDuration(clock.target, units) }),
    clock.dueAt ? t('sla.due', { at: dayjs(clock.dueAt).format('YYYY-MM-DD HH:mm') }) : null,
    clock.businessHours ? t('sla.businessHours') : null,
    clock.running ? null : t('sla.stopped'),
  ]
    .filter(Boolean)
    .join(' · ');
  const breached = color === 'red';
  return (
    <Tooltip title={tip}>
      <Tag color={color} icon={clock.running ? <ClockCircleOutlined /> : <PauseCircleOutlined />} data-testid="sla-tag" data-sla={breached ? 'breached' : sla.state}>
        {text}
      </Tag>
    </Tooltip>
  );
}
