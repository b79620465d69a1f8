import { Button, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../../../i18n/locale-provider';
import { formatValue } from '../../../../services/format-value';
import { fieldOrder, fieldSchemasOf, type TypeSchema } from '../../../../services/schema-types';
import type { FormValues } from '../../../../services/ticket';
import { conflictRows, type ConflictRow, type ServerState } from './conflict';

interface Props {
  conflict: ServerState;
  loaded: FormValues;
  mine: FormValues;
  typeSchema: TypeSchema;
  currentStatus: string;
  saving: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}

/**
 * A 409 on save: what changed since the user loaded the ticket, beside the user's own values,
 * and the two ways on — take the server's version, or overwrite it knowingly.
 */
export function ConflictDialog({ conflict, loaded, mine, typeSchema, currentStatus, saving, onReload, onOverwrite, onCancel }: Props) {
  const t = useT();
  const properties = fieldSchemasOf(typeSchema.schema);
  const labels = Object.fromEntries(Object.entries(properties).map(([key, field]) => [key, field.title ?? key]));
  const rows = conflictRows({ loaded, server: conflict.form, mine, order: fieldOrder(typeSchema.schema, typeSchema.uiSchema), labels });
  const cell = (row: ConflictRow, value: unknown, changed: boolean) => (
    <Typography.Text strong={changed} type={changed && row.clash ? 'danger' : undefined}>
      {formatValue(value, properties[row.field])}
    </Typography.Text>
  );
  return (
    <Modal
      open
      width={760}
      title={t('conflict.title')}
      onCancel={onCancel}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('conflict.cancel')}</Button>
          <Button onClick={onReload} data-testid="conflict-reload">
            {t('conflict.reload')}
          </Button>
          <Popconfirm title={t('conflict.overwriteConfirm')} onConfirm={onOverwrite}>
            <Button type="primary" danger loading={saving} data-testid="conflict-overwrite">
              {t('conflict.overwrite')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="conflict-dialog">
        <Typography.Paragraph>{t('conflict.intro', { version: conflict.version })}</Typography.Paragraph>
        {conflict.status && conflict.status !== currentStatus && (
          <Typography.Paragraph type="warning">
            {t('conflict.statusChanged', { status: t(`status.${conflict.status}`) })}
          </Typography.Paragraph>
        )}
        <Table<ConflictRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'field',
              title: t('conflict.field'),
              render: (_, row) => (
                <Space>
                  {row.label}
                  {row.clash && <Tag color="red">{t('conflict.clash')}</Tag>}
                </Space>
              ),
            },
            { key: 'loaded', title: t('conflict.loaded'), render: (_, row) => formatValue(row.loaded, properties[row.field]) },
            { key: 'server', title: t('conflict.server'), render: (_, row) => cell(row, row.server, row.changedOnServer) },
            { key: 'mine', title: t('conflict.mine'), render: (_, row) => cell(row, row.mine, row.changedByMe) },
          ]}
        />
      </Space>
    </Modal>
  );
}
