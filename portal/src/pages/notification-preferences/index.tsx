import { Alert, App, Card, Select, Space, Switch, Table, Typography } from 'antd';
import { useT } from '../../i18n/locale-provider';
import type { MessageKey } from '../../i18n/zh-cn';
import {
  NOTIFICATION_KINDS,
  useChangePreferences,
  useNotificationPreferences,
  type NotificationChannel,
  type NotificationKind,
  type PreferencesChange,
} from '../../services/notifications';

/** Which notifications reach the caller in the portal and by e-mail, and the e-mails' language; each switch saves at once. */
export default function NotificationPreferencesPage() {
  const t = useT();
  const { message } = App.useApp();
  const prefs = useNotificationPreferences();
  const change = useChangePreferences();
  const save = (patch: PreferencesChange) =>
    change.mutate(patch, { onSuccess: () => void message.success(t('prefs.saved')), onError: (error) => void message.error(error.message) });
  const emailAvailable = prefs.data?.meta.emailAvailable ?? false;
  const channel = (kind: NotificationKind, name: NotificationChannel) => (
    <Switch
      data-testid={`pref-${kind}-${name}`}
      checked={prefs.data?.data.events[kind][name] ?? false}
      disabled={change.isPending || (name === 'email' && !emailAvailable)}
      onChange={(on) => save({ events: { [kind]: { [name]: on } } })}
    />
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('prefs.title')}
      </Typography.Title>
      {prefs.isError && <Alert type="error" showIcon title={prefs.error.message} />}
      {prefs.data && !emailAvailable && <Alert type="info" showIcon title={t('prefs.noEmail')} data-testid="prefs-no-email" />}
      <Card size="small">
        <Table<{ kind: NotificationKind }>
          data-testid="prefs-table"
          rowKey="kind"
          size="small"
          pagination={false}
          loading={prefs.isPending}
          dataSource={NOTIFICATION_KINDS.map((kind) => ({ kind }))}
          columns={[
            { key: 'kind', title: t('prefs.event'), render: (_, row) => t(`prefs.kind.${row.kind}` as MessageKey) },
            { key: 'inApp', title: t('prefs.inApp'), width: 120, render: (_, row) => channel(row.kind, 'inApp') },
            { key: 'email', title: t('prefs.email'), width: 120, render: (_, row) => channel(row.kind, 'email') },
          ]}
        />
      </Card>
      <Space>
        <Typography.Text>{t('prefs.language')}</Typography.Text>
        <Select
          data-testid="prefs-language"
          style={{ width: 160 }}
          value={prefs.data?.data.language}
          disabled={!prefs.data || change.isPending}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(language: 'zh-CN' | 'en') => save({ language })}
        />
      </Space>
    </Space>
  );
}
