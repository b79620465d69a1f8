import { Alert, Button, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLocale } from '../../i18n/locale-provider';
import { migrationBody, versionChanges } from './migration-plan';
import type { MigrationBody, MigrationChoices, TypeVersion } from './version-types';

interface Props {
  versions: TypeVersion[];
  starting: boolean;
  onStart: (body: MigrationBody) => void;
}

/**
 * The choices of a migration: from and to, renames (a field of `from` → one of `to`), defaults
 * for fields of `to` that tickets leave empty; then a dry run, or the real run after a confirm.
 */
export function MigrationForm({ versions, starting, onStart }: Props) {
  const { t, locale } = useLocale();
  const [form] = Form.useForm<MigrationChoices>();
  const choices = Form.useWatch([], form) ?? {};
  const from = versions.find((v) => v.version === choices.from);
  const to = versions.find((v) => v.version === choices.to);
  const changes = versionChanges(from, to);
  const fieldOptions = (version: TypeVersion | undefined) =>
    (version?.fields ?? []).map((f) => ({ value: f.key, label: `${f.label[locale] ?? f.key} (${f.key})` }));
  const versionOptions = versions.map((v) => ({ value: v.version, label: t('migration.versionOption', { version: v.version, tickets: v.tickets }) }));
  const ready = !!from && !!to && from.version !== to.version;
  const start = (dryRun: boolean) => {
    const body = migrationBody(form.getFieldsValue(true), dryRun);
    if (body) onStart(body);
  };

  return (
    <Form form={form} layout="vertical" data-testid="migration-form" initialValues={{ renames: [], defaults: [] }}>
      <Space wrap size="large">
        <Form.Item name="from" label={t('migration.from')}>
          <Select style={{ width: 200 }} options={versionOptions} data-testid="migration-from" />
        </Form.Item>
        <Form.Item name="to" label={t('migration.to')}>
          <Select style={{ width: 200 }} options={versionOptions} data-testid="migration-to" />
        </Form.Item>
      </Space>
      {ready && (changes.removed.length > 0 || changes.newlyRequired.length > 0) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="migration-changes"
          title={
            <Space orientation="vertical" size={2}>
              {changes.removed.length > 0 && (
                <span>
                  {t('migration.removedFields')} {changes.removed.map((k) => <Tag key={k}>{k}</Tag>)}
                </span>
              )}
              {changes.newlyRequired.length > 0 && (
                <span>
                  {t('migration.newlyRequired')} {changes.newlyRequired.map((k) => <Tag key={k}>{k}</Tag>)}
                </span>
              )}
            </Space>
          }
        />
      )}
      <Typography.Text strong>{t('migration.renames')}</Typography.Text>
      <Form.List name="renames">
        {(rows, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%', margin: '8px 0 16px' }}>
            {rows.map((row) => (
              <Space key={row.key} data-testid="rename-row">
                <Form.Item name={[row.name, 'from']} noStyle>
                  <Select style={{ width: 240 }} placeholder={t('migration.oldField')} options={fieldOptions(from)} />
                </Form.Item>
                →
                <Form.Item name={[row.name, 'to']} noStyle>
                  <Select style={{ width: 240 }} placeholder={t('migration.newField')} options={fieldOptions(to)} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('migration.removeRow')} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={!ready} data-testid="add-rename">
              {t('migration.addRename')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Typography.Text strong>{t('migration.defaults')}</Typography.Text>
      <Form.List name="defaults">
        {(rows, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%', margin: '8px 0 16px' }}>
            {rows.map((row) => (
              <Space key={row.key} data-testid="default-row">
                <Form.Item name={[row.name, 'field']} noStyle>
                  <Select style={{ width: 240 }} placeholder={t('migration.field')} options={fieldOptions(to)} />
                </Form.Item>
                =
                <Form.Item name={[row.name, 'value']} noStyle>
                  <Input style={{ width: 240 }} placeholder={t('migration.value')} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('migration.removeRow')} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={!ready} data-testid="add-default">
              {t('migration.addDefault')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Space>
        <Button type="primary" disabled={!ready} loading={starting} onClick={() => start(true)} data-testid="migration-dry-run">
          {t('migration.dryRun')}
        </Button>
        <Popconfirm title={t('migration.confirm', { from: from?.version ?? '', to: to?.version ?? '' })} onConfirm={() => start(false)} disabled={!ready}>
          <Button danger disabled={!ready} loading={starting} data-testid="migration-run">
            {t('migration.run')}
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}
