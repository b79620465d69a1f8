import { useState } from 'react';
import { Button, Modal, Select, Space, Tag, Typography, type ButtonProps } from 'antd';
import { UserAddOutlined, UserDeleteOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useAccess } from '../../../../auth/access-context';
import { useT } from '../../../../i18n/locale-provider';
import type { MessageKey } from '../../../../i18n/zh-cn';
import type { Ticket } from '../../../../services/ticket';
import { assignActions } from './assign-actions';
import { useAssignees } from '../../../../services/assignees';
import { useAssignTicket, type AssignTarget } from './assignment-queries';

// the picker's value for "nobody" (a Select cannot hold null as an option value)
const NOBODY = 'none';

/** The ticket's assignee and the assignment buttons the viewer's rights allow. */
export function AssigneeBar({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const { me, access } = useAccess();
  const actions = assignActions(access, me.id, ticket);
  const assign = useAssignTicket(ticket.documentId);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string | undefined>();
  const assignees = useAssignees(actions.assignOthers && picking);
  const send = (assignee: AssignTarget) => !assign.isPending && assign.mutate({ assignee, version: ticket.version });
  const pending = (target: AssignTarget) => assign.isPending && assign.variables?.assignee === target;

  return (
    <Space wrap data-testid="assignee-bar">
      <Typography.Text type="secondary">{t('assign.label')}</Typography.Text>
      {ticket.assignee ? (
        <Tag color="blue" data-testid="assignee" data-assignee={ticket.assignee.username}>
          {ticket.assignee.username}
        </Tag>
      ) : (
        <Tag data-testid="assignee" data-assignee="">
          {t('assign.nobody')}
        </Tag>
      )}
      {actions.claim && (
        <Button size="small" type="primary" icon={<UserAddOutlined />} loading={pending('me')} onClick={() => send('me')} data-testid="claim-ticket">
          {t('assign.claim')}
        </Button>
      )}
      {actions.handBack && (
        <Button size="small" icon={<UserDeleteOutlined />} loading={pending(null)} onClick={() => send(null)} data-testid="hand-back-ticket">
          {t('assign.handBack')}
        </Button>
      )}
      {actions.assignOthers && (
        <Button size="small" icon={<UserSwitchOutlined />} onClick={() => {
            setPicked(undefined);
            setPicking(true);
          }} data-testid="assign-ticket">
          {t('assign.assign')}
        </Button>
      )}
      <Modal
        open={picking}
        title={t('assign.pickTitle')}
        okButtonProps={{ disabled: picked === undefined, loading: assign.isPending, 'data-testid': 'assign-confirm' } as ButtonProps}
        onCancel={() => setPicking(false)}
        onOk={() => {
          if (picked === undefined) return;
          assign.mutate(
            { assignee: picked === NOBODY ? null : Number(picked), version: ticket.version },
            { onSettled: () => setPicking(false) },
          );
        }}
        destroyOnHidden
      >
        <Select
          data-testid="assignee-picker"
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          loading={assignees.isPending}
          placeholder={t('assign.pick')}
          value={picked}
          onChange={setPicked}
          options={[
            { value: NOBODY, label: t('assign.nobody') },
            ...(assignees.data ?? []).map((user) => ({ value: String(user.id), label: `${user.username} (${t(`role.${user.role}` as MessageKey)})` })),
          ]}
        />
      </Modal>
    </Space>
  );
}
