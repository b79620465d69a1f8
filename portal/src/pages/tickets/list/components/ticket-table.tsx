import { Link } from 'react-router';
import { Empty, Table, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { SlaTag } from '../../../../components/sla-tag';
import { StatusTag } from '../../../../components/status-tag';
import { useLocale } from '../../../../i18n/locale-provider';
import { formatValue } from '../../../../services/format-value';
import { fieldSchemasOf, type TypeSchema } from '../../../../services/schema-types';
import { columnFields } from '../field-filters';
import { typeName, type Ticket, type TicketType } from '../../../../services/ticket';
import { PAGE_SIZES } from '../list-state';
import type { ListState, SortChoice } from '../types';
import type { TicketPage } from '../list-queries';

interface Props {
  page: TicketPage | undefined;
  loading: boolean;
  state: ListState;
  types: TicketType[];
  schema: TypeSchema | undefined;
  sortable: SortChoice[];
  onChange: (patch: Partial<ListState>) => void;
  /** What an empty page says (the list's "no tickets match" unless given). */
  emptyText?: string;
}

// how many of the chosen type's fields get a column
const FIELD_COLUMNS = 5;

/** The tickets of one page, with server-side paging and column sorting. */
export function TicketTable({ page, loading, state, types, schema, sortable, onChange, emptyText }: Props) {
  const { t, locale } = useLocale();
  const sortOrder = (field: string) => (state.sort.field === field ? (state.sort.order === 'asc' ? 'ascend' : 'descend') : null);
  const sortableFields = new Set(sortable.map((s) => s.field));
  // conditional fields too; a field the role may not read is in neither the schema nor the tickets
  const fields = schema ? fieldSchemasOf(schema.schema) : {};
  const fieldColumns: TableProps<Ticket>['columns'] = schema
    ? columnFields(schema)
        .filter((key) => key in fields)
        .slice(0, FIELD_COLUMNS)
        .map((key) => ({
          key,
          title: fields[key].title ?? key,
          render: (_: unknown, ticket: Ticket) => formatValue(ticket.form[key], fields[key]),
          sorter: sortableFields.has(key),
          sortOrder: sortOrder(key),
        }))
    : [
        {
          key: 'site_name',
          title: t('list.colSite'),
          render: (_: unknown, ticket: Ticket) => formatValue(ticket.form.site_name, undefined),
        },
      ];
  // a server that knows SLAs sends `sla` (null for a type without one) on every ticket
  const slaKnown = !!page?.data.some((ticket) => ticket.sla !== undefined);
  const slaColumns: TableProps<Ticket>['columns'] = slaKnown
    ? [
        {
          key: 'sla',
          title: t('list.colSla'),
          sorter: true,
          sortOrder: sortOrder('sla'),
          render: (_: unknown, ticket: Ticket) => <SlaTag sla={ticket.sla} status={ticket.status} />,
        },
      ]
    : [];
  const columns: TableProps<Ticket>['columns'] = [
    {
      key: 'id',
      title: t('list.colId'),
      render: (_: unknown, ticket: Ticket) => (
        <Link to={`/tickets/${ticket.documentId}`} data-testid="ticket-link">
          {ticket.documentId.slice(0, 8)}
        </Link>
      ),
    },
    {
      key: 'type',
      title: t('list.colType'),
      render: (_: unknown, ticket: Ticket) =>
        typeName(
          types.find((x) => x.key === ticket.type),
          locale,
          ticket.type,
        ),
    },
    { key: 'status', title: t('list.colStatus'), render: (_: unknown, ticket: Ticket) => <StatusTag status={ticket.status} /> },
    ...slaColumns,
    ...fieldColumns,
    {
      key: 'assignee',
      title: t('list.colAssignee'),
      render: (_: unknown, ticket: Ticket) => <span data-testid="ticket-assignee">{ticket.assignee?.username ?? '—'}</span>,
    },
    { key: 'creator', title: t('list.colCreator'), render: (_: unknown, ticket: Ticket) => ticket.creator?.username ?? '—' },
    {
      key: 'created_at',
      title: t('list.colCreated'),
      sorter: true,
      sortOrder: sortOrder('created_at'),
      render: (_: unknown, ticket: Ticket) => dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'updated_at',
      title: t('list.colUpdated'),
      sorter: true,
      sortOrder: sortOrder('updated_at'),
      render: (_: unknown, ticket: Ticket) => dayjs(ticket.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  const pagination = page?.meta.pagination;
  const totalText = (total: number) =>
    pagination?.totalIsLowerBound
      ? t('list.totalAtLeast', { total: total.toLocaleString() })
      : t('list.total', { total: total.toLocaleString() });
  return (
    <Table<Ticket>
      data-testid="ticket-table"
      rowKey="documentId"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.data ?? []}
      locale={{ emptyText: <Empty description={emptyText ?? t('list.empty')} data-testid="list-empty" /> }}
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        total: pagination?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => <span data-testid="list-total">{totalText(total)}</span>,
      }}
      onChange={(paging, _filters, sorter, extra) => {
        if (extra.action === 'sort' && !Array.isArray(sorter)) {
          const field = String(sorter.columnKey ?? 'created_at');
          onChange({
            sort: sorter.order ? { field, order: sorter.order === 'ascend' ? 'asc' : 'desc' } : { field: 'created_at', order: 'desc' },
          });
        } else if (extra.action === 'paginate') {
          const pageSize = paging.pageSize ?? state.pageSize;
          onChange(pageSize !== state.pageSize ? { pageSize } : { page: paging.current ?? 1, pageSize });
        }
      }}
    />
  );
}
