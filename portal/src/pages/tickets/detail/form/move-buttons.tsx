import { Button, Space, Tooltip } from 'antd';
import type { MessageKey } from '../../../../i18n/zh-cn';
import { useT } from '../../../../i18n/locale-provider';
import type { Ticket, TicketStatus } from '../../../../services/ticket';

interface Props {
  ticket: Ticket;
  moves: TicketStatus[];
  /** Unsaved edits: a move would be made on the stored form, so save first. */
  blocked: boolean;
  pending: TicketStatus | null;
  onMove: (to: TicketStatus) => void;
}

// a move away from the flow gets the warning colour
const DANGEROUS = new Set<TicketStatus>(['rejected']);

/** One button per state move this user's role may make from the ticket's state. */
export function MoveButtons({ ticket, moves, blocked, pending, onMove }: Props) {
  const t = useT();
  if (moves.length === 0) return null;
  return (
    <Space wrap data-testid="move-buttons">
      {moves.map((to) => {
        const button = (
          <Button
            key={to}
            type={DANGEROUS.has(to) ? 'default' : 'primary'}
            danger={DANGEROUS.has(to)}
            ghost={!DANGEROUS.has(to)}
            disabled={blocked || (pending !== null && pending !== to)}
            loading={pending === to}
            data-testid={`move-${to}`}
            onClick={() => onMove(to)}
          >
            {t(`move.${ticket.status}-${to}` as MessageKey)}
          </Button>
        );
        return blocked ? (
          <Tooltip key={to} title={t('move.saveFirst')}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
  );
}
