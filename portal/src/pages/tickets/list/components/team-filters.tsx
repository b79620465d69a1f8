import { Select, Space } from 'antd';
import { useT } from '../../../../i18n/locale-provider';
import { useAssignees } from '../../../../services/assignees';
import type { AssigneeFilter, ListState, SlaFilter } from '../types';

interface Props {
  state: ListState;
  /** Offer every user who works tickets (those who may assign others); else only me and unassigned. */
  canPickUsers: boolean;
  onChange: (patch: Partial<ListState>) => void;
}

/** The assignee filter (me, unassigned, a user) and the SLA filter (warning, breached). */
export function TeamFilters({ state, canPickUsers, onChange }: Props) {
  const t = useT();
  const users = useAssignees(canPickUsers);
  return (
    <Space wrap size="middle">
      <Select<AssigneeFilter>
        data-testid="filter-assignee"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 180 }}
        placeholder={t('list.assigneeAll')}
        value={state.assignee}
        options={[
          { value: 'me', label: t('list.assigneeMe') },
          { value: 'none', label: t('list.assigneeNone') },
          ...(users.data ?? []).map((user) => ({ value: String(user.id) as AssigneeFilter, label: user.username })),
        ]}
        onChange={(assignee?: AssigneeFilter) => onChange({ assignee })}
      />
      <Select<SlaFilter>
        data-testid="filter-sla"
        allowClear
        style={{ minWidth: 150 }}
        placeholder={t('list.slaAll')}
        value={state.sla}
        options={[
          { value: 'warning', label: t('list.slaWarning') },
          { value: 'breached', label: t('list.slaBreached') },
        ]}
        onChange={(sla?: SlaFilter) => onChange({ sla })}
      />
    </Space>
  );
}
