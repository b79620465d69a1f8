import { Button, Select, Space } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n/locale-provider';
import { TICKET_STATUSES, typeName, type TicketType } from '../../../../services/ticket';
import { useLocale } from '../../../../i18n/locale-provider';
import type { ListSort, ListState, SortChoice } from '../types';

interface Props {
  state: ListState;
  types: TicketType[];
  sortable: SortChoice[];
  canCreate: boolean;
  onChange: (patch: Partial<ListState>) => void;
  onReset: () => void;
  onCreate: () => void;
}

/** Type, status and sort choosers, reset, and "new ticket" for roles that may create. */
export function FilterBar({ state, types, sortable, canCreate, onChange, onReset, onCreate }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const sortOptions = [
    { value: 'created_at', label: t('list.sortCreated') },
    { value: 'updated_at', label: t('list.sortUpdated') },
    ...sortable.map((choice) => ({ value: choice.field, label: choice.title })),
  ];
  const setSort = (sort: Partial<ListSort>) => onChange({ sort: { ...state.sort, ...sort } });
  return (
    <Space wrap size="middle" style={{ width: '100%' }}>
      <Select
        data-testid="filter-type"
        style={{ minWidth: 200 }}
        allowClear
        placeholder={t('list.allTypes')}
        value={state.type}
        options={types.map((type) => ({ value: type.key, label: typeName(type, locale) }))}
        onChange={(type?: string) => onChange({ type })}
      />
      <Select
        data-testid="filter-status"
        mode="multiple"
        allowClear
        style={{ minWidth: 220 }}
        placeholder={t('list.allStatuses')}
        value={state.status}
        options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        onChange={(status: string[]) => onChange({ status })}
      />
      <Space.Compact>
        <Select
          data-testid="sort-field"
          style={{ minWidth: 150 }}
          value={state.sort.field}
          options={sortOptions}
          onChange={(field: string) => setSort({ field })}
          aria-label={t('list.sortBy')}
        />
        <Select
          data-testid="sort-order"
          style={{ width: 100 }}
          value={state.sort.order}
          options={[
            { value: 'desc', label: t('list.desc') },
            { value: 'asc', label: t('list.asc') },
          ]}
          onChange={(order: 'asc' | 'desc') => setSort({ order })}
        />
      </Space.Compact>
      <Button icon={<ClearOutlined />} onClick={onReset}>
        {t('list.reset')}
      </Button>
      {canCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="new-ticket">
          {t('list.new')}
        </Button>
      )}
    </Space>
  );
}
