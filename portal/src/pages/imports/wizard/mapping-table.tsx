import { Alert, Button, Progress, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../../i18n/locale-provider';
import { confidencePercent, type FieldChoice, type MappingRow } from '../import-mapping';

/** The select's value for "do not import" (a field key is never empty). */
const IGNORE = '';

interface Props {
  rows: MappingRow[];
  fields: FieldChoice[];
  /** Required fields (labels) no column feeds. */
  missing: string[];
  checking: boolean;
  onChange: (header: string, field: string | null) => void;
  onRecheck: () => void;
}

/** Step 3: every column, the field it feeds, how sure the match is; a select overrides or ignores it. */
export function MappingTable({ rows, fields, missing, checking, onChange, onRecheck }: Props) {
  const t = useT();
  const label = (field: string | null) => fields.find((f) => f.value === field)?.label ?? field ?? '';
  const columns: ColumnsType<MappingRow> = [
    { title: t('import.column'), key: 'column', width: 220, render: (_, row) => `${row.letter} · ${row.header}` },
    {
      title: t('import.field'),
      key: 'field',
      render: (_, row) => (
        <Select
          data-testid={`mapping-select-${row.letter}`}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={row.field ?? IGNORE}
          onChange={(value: string) => onChange(row.header, value === IGNORE ? null : value)}
          options={[{ value: IGNORE, label: t('import.ignore') }, ...fields]}
        />
      ),
    },
    {
      title: t('import.confidence'),
      key: 'score',
      width: 160,
      render: (_, row) =>
        row.changed ? (
          <Tag color="blue">{t('import.source.override')}</Tag>
        ) : row.field ? (
          <Progress
            percent={confidencePercent(row.score)}
            size="small"
            status={row.score >= 0.9 ? 'success' : 'normal'}
            // the number, also for a sure match (antd shows a tick at 100 % otherwise)
            format={(percent) => `${percent}%`}
          />
        ) : row.suggestion ? (
          <Typography.Text type="secondary">{t('import.suggestion', { field: label(row.suggestion) })}</Typography.Text>
        ) : null,
    },
    {
      title: t('import.source'),
      key: 'source',
      width: 120,
      render: (_, row) => <Tag data-testid="mapping-source">{t(`import.source.${row.changed ? 'override' : row.source}`)}</Tag>,
    },
  ];
  return (
    <>
      {missing.length ? (
        <Alert type="warning" showIcon data-testid="required-unmapped" title={t('import.requiredUnmapped', { fields: missing.join('、') })} />
      ) : (
        <Alert type="success" showIcon data-testid="required-unmapped" title={t('import.allRequiredMapped')} />
      )}
      <Table<MappingRow>
        data-testid="mapping-table"
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={false}
        rowClassName={(row) => (row.field ? '' : 'mapping-ignored')}
        style={{ marginTop: 12 }}
      />
      <Button style={{ marginTop: 12 }} onClick={onRecheck} loading={checking} data-testid="mapping-recheck">
        {t('import.recheck')}
      </Button>
    </>
  );
}
