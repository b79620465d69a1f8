import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Empty, Pagination, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { SlaTag } from '../../../../components/sla-tag';
import { StatusTag } from '../../../../components/status-tag';
import { useLocale } from '../../../../i18n/locale-provider';
import { typeName, type Ticket, type TicketType } from '../../../../services/ticket';
import type { TicketPage } from '../list-queries';

interface Props {
  page: TicketPage | undefined;
  loading: boolean;
  types: TicketType[];
  /** The page shown, and a move to another (absent: no pager, e.g. "near me" shows one page). */
  current?: number;
  pageSize?: number;
  onPage?: (page: number) => void;
  emptyText?: string;
  /** Something more on a card's last line (the distance of "near me"). */
  extra?: (ticket: Ticket) => ReactNode;
}

/** The phone's ticket list: one card per ticket — site, type, status, SLA when it has one, time — that opens it. */
export function TicketCards({ page, loading, types, current, pageSize, onPage, emptyText, extra }: Props) {
  const { t, locale } = useLocale();
  const tickets = page?.data ?? [];
  const total = page?.meta.pagination.total ?? 0;
  return (
    <Spin spinning={loading}>
      <div className="ticket-cards" data-testid="ticket-cards">
        {tickets.length === 0 && !loading && <Empty description={emptyText ?? t('list.empty')} data-testid="list-empty" />}
        {tickets.map((ticket) => (
          <Link
            key={ticket.documentId}
            to={`/tickets/${ticket.documentId}`}
            className="ticket-card"
            data-testid="ticket-card"
            data-id={ticket.documentId}
          >
            <div className="ticket-card-title">
              <Typography.Text strong ellipsis data-testid="ticket-card-site">
                {typeof ticket.form.site_name === 'string' && ticket.form.site_name ? ticket.form.site_name : t('phone.untitled')}
              </Typography.Text>
              <StatusTag status={ticket.status} />
            </div>
            <div className="ticket-card-line">
              <Typography.Text type="secondary">
                {typeName(
                  types.find((x) => x.key === ticket.type),
                  locale,
                  ticket.type,
                )}
              </Typography.Text>
              {ticket.sla && <SlaTag sla={ticket.sla} status={ticket.status} />}
            </div>
            <div className="ticket-card-line">
              <Typography.Text type="secondary">{dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              {extra?.(ticket)}
            </div>
          </Link>
        ))}
        {onPage && total > (pageSize ?? 0) && (
          <Pagination simple current={current} pageSize={pageSize} total={total} onChange={onPage} className="ticket-cards-pager" />
        )}
      </div>
    </Spin>
  );
}
