import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Collapse, Drawer, Result, Space, Tag, Typography } from 'antd';
import { AimOutlined, FilterOutlined } from '@ant-design/icons';
import { isApiError } from '../../../api/api-error';
import { useAccess } from '../../../auth/access-context';
import { usePhone } from '../../../layout/use-phone';
import { useT } from '../../../i18n/locale-provider';
import { useTicketTypes, useTypeSchema } from '../../../services/ticket-types';
import { ExportButton } from '../../exports/export-dialog';
import { FieldFilters } from './components/field-filters';
import { FilterBar } from './components/filter-bar';
import { TeamFilters } from './components/team-filters';
import { TicketCards } from './components/ticket-cards';
import { TicketTable } from './components/ticket-table';
import { filterSpecs, sortChoices } from './field-filters';
import { changeListState, parseListState, setFieldFilter, toSearchParams } from './list-state';
import { useTicketList } from './list-queries';
import type { ListState } from './types';

/** The ticket list: filters (from the URL, so a link reproduces the view), sort, pages, total. */
export default function TicketListPage() {
  const t = useT();
  const navigate = useNavigate();
  const { access } = useAccess();
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => parseListState(search), [search]);
  const types = useTicketTypes();
  const schema = useTypeSchema(state.type);
  const specs = useMemo(() => (schema.data ? filterSpecs(schema.data) : []), [schema.data]);
  const sortable = useMemo(() => (schema.data ? sortChoices(schema.data) : []), [schema.data]);
  // with a type chosen, wait for its schema (the query depends on its filter inputs); an unknown
  // type gets the server's answer, shown as the list's error
  const list = useTicketList(state, specs, !state.type || schema.isSuccess || schema.isError);
  const go = (next: ListState) => setSearch(toSearchParams(next));
  // handlers start from the URL as it is now: two quick changes (a filter's blur, then Enter in
  // the next one) come before React renders the first, and would otherwise undo each other
  const latest = () => parseListState(new URLSearchParams(window.location.search));
  const change = (patch: Partial<ListState>) => go(changeListState(latest(), patch));
  const phone = usePhone();
  const [filtersOpen, setFiltersOpen] = useState(false);

  const filters = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <FilterBar
        state={state}
        types={types.data ?? []}
        sortable={sortable}
        canCreate={access.canCreateTickets}
        onChange={change}
        onReset={() => go(parseListState(new URLSearchParams(state.type ? { type: state.type } : {})))}
        onCreate={() => navigate(`/tickets/new${state.type ? `?type=${encodeURIComponent(state.type)}` : ''}`)}
      />
      <TeamFilters state={state} canPickUsers={access.canAssignOthers} onChange={change} />
      {state.importJob && (
        <Tag closable data-testid="import-filter" onClose={() => change({ importJob: undefined })}>
          {t('list.fromImport', { job: state.importJob })}
        </Tag>
      )}
      <Collapse
        size="small"
        defaultActiveKey={Object.keys(state.filters).length ? ['fields'] : []}
        items={[
          {
            key: 'fields',
            label: t('list.fieldFilters'),
            children: state.type ? (
              <FieldFilters specs={specs} filters={state.filters} onChange={(field, patch) => go(setFieldFilter(latest(), field, patch))} />
            ) : (
              <Typography.Text type="secondary">{t('list.fieldFiltersHint')}</Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap={phone}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Space wrap>
          {phone && (
            <Button icon={<AimOutlined />} onClick={() => navigate('/tickets/near')} data-testid="list-near" className="touch-target">
              {t('near.nav')}
            </Button>
          )}
          {phone && (
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} data-testid="open-filters" className="touch-target">
              {t('phone.filters')}
            </Button>
          )}
          {access.canExport && <ExportButton state={state} specs={specs} schema={schema.data} />}
        </Space>
      </Space>
      {phone ? (
        <Drawer
          open={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          placement="bottom"
          size="85%"
          title={t('phone.filtersTitle')}
          data-testid="filter-drawer"
          forceRender
        >
          {filters}
        </Drawer>
      ) : (
        <Card size="small">{filters}</Card>
      )}
      {list.isError && !isApiError(list.error, 'unavailable') ? (
        <Alert
          type="error"
          showIcon
          data-testid="list-error"
          title={t('list.error')}
          description={list.error.message}
          action={<Button onClick={() => list.refetch()}>{t('server.retry')}</Button>}
        />
      ) : list.isError ? (
        <Result
          status="warning"
          title={t('list.error')}
          data-testid="list-error"
          extra={<Button onClick={() => list.refetch()}>{t('server.retry')}</Button>}
        />
      ) : phone ? (
        <TicketCards
          page={list.data}
          loading={list.isFetching}
          types={types.data ?? []}
          current={state.page}
          pageSize={state.pageSize}
          onPage={(page) => change({ page })}
        />
      ) : (
        <TicketTable
          page={list.data}
          loading={list.isFetching}
          state={state}
          types={types.data ?? []}
          schema={schema.data}
          sortable={sortable}
          onChange={change}
        />
      )}
    </Space>
  );
}
