import { Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLocale } from '../../../i18n/locale-provider';
import { typeName, type TicketType } from '../../../services/ticket';
import { confidencePercent } from '../import-mapping';
import type { CheckedRow, ImportPreview } from '../import-types';

interface Props {
  preview: ImportPreview;
  types: TicketType[];
  busy: boolean;
  onType: (ticketType: string) => void;
  onSheet: (sheet: string) => void;
}

/** Step 2: the type, sheet and header row the server found, and the first rows as read. */
export function DetectStep({ preview, types, busy, onType, onSheet }: Props) {
  const { t, locale } = useLocale();
  const nameOf = (key: string) => typeName(types.find((type) => type.key === key), locale, key);
  const columns: ColumnsType<CheckedRow> = [
    { title: t('import.row'), dataIndex: 'row', width: 64, fixed: 'left' },
    ...preview.columns.map((column) => ({
      title: `${column.letter} · ${column.header}`,
      key: String(column.index),
      render: (_: unknown, row: CheckedRow) => row.cells?.[column.index] ?? '',
    })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="import-detected">
        <Descriptions.Item label={t('import.type')}>
          <Space>
            <Select
              data-testid="import-type"
              style={{ minWidth: 200 }}
              value={preview.ticketType}
              disabled={busy}
              onChange={onType}
              options={(preview.candidates.length ? preview.candidates : [{ ticketType: preview.ticketType, fit: preview.fit }]).map((c) => ({
                value: c.ticketType,
                label: `${nameOf(c.ticketType)} · ${t('import.fit', { percent: confidencePercent(c.fit) })}`,
              }))}
            />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('import.sheet')}>
          <Select
            data-testid="import-sheet"
            style={{ minWidth: 160 }}
            value={preview.sheet}
            disabled={busy || preview.format === 'csv'}
            onChange={onSheet}
            options={preview.sheets.map((sheet) => ({ value: sheet.name, label: sheet.name, disabled: sheet.headerRow === null }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('import.headerRow')}>
          <span data-testid="import-header-row">{t('import.headerRowValue', { row: preview.headerRow })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('import.file')}>
          <Space wrap>
            <Typography.Text>{preview.fileName}</Typography.Text>
            <Tag>{preview.format.toUpperCase()}</Tag>
            {preview.encoding && <Tag>{preview.encoding}</Tag>}
            <Typography.Text type="secondary">{t('import.estimatedRows', { rows: preview.estimatedRows })}</Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('import.preview')}</Typography.Title>
      <Table<CheckedRow>
        data-testid="import-preview-rows"
        size="small"
        rowKey="row"
        dataSource={preview.rows.slice(0, 10)}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
    </Space>
  );
}
