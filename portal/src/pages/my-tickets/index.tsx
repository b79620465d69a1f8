import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Space, Typography } from 'antd';
import { useT } from '../../i18n/locale-provider';
import { usePhone } from '../../layout/use-phone';
import { useTicketTypes } from '../../services/ticket-types';
import { TicketCards } from '../tickets/list/components/ticket-cards';
import { TicketTable } from '../tickets/list/components/ticket-table';
import { changeListState, parseListState, toSearchParams } from '../tickets/list/list-state';
import { useTicketList } from '../tickets/list/list-queries';
import type { ListState } from '../tickets/list/types';
import { myTicketsState } from './my-tickets-state';

/** "My tickets": the tickets assigned to the caller that are not closed (a handler's landing page). */
export default function MyTicketsPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  // paging and sort come from the URL like the list's; who and which states are fixed
  const state = useMemo(() => myTicketsState(parseListState(search)), [search]);
  const types = useTicketTypes();
  const list = useTicketList(state, [], true);
  const phone = usePhone();
  const change = (patch: Partial<ListState>) => {
    const next = changeListState(state, patch);
    setSearch(toSearchParams({ ...next, assignee: undefined, status: [] }));
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-tickets">
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('myTickets.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('myTickets.hint')}</Typography.Text>
      </Space>
      {list.isError ? (
        <Alert
          type="error"
          showIcon
          data-testid="list-error"
          title={t('list.error')}
          description={list.error.message}
          action={<Button onClick={() => list.refetch()}>{t('server.retry')}</Button>}
        />
      ) : phone ? (
        <TicketCards
          page={list.data}
          loading={list.isFetching}
          types={types.data ?? []}
          current={state.page}
          pageSize={state.pageSize}
          onPage={(page) => change({ page })}
          emptyText={t('myTickets.empty')}
        />
      ) : (
        <TicketTable
          page={list.data}
          loading={list.isFetching}
          state={state}
          types={types.data ?? []}
          schema={undefined}
          sortable={[]}
          onChange={change}
          emptyText={t('myTickets.empty')}
        />
      )}
    </Space>
  );
}
