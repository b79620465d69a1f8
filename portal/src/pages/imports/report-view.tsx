import { useMemo, useState } from 'react';
import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../i18n/locale-provider';
import { useImportReport } from './import-queries';
import { cellText, errorsByField, reportColumns } from './report-rows';
import type { CheckedRow, ImportReport } from './import-types';

const STATUS_COLORS = { created: 'success', valid: 'success', rejected: 'error', skipped: 'default' } as const;

/** A cell: the value as read, and under it each error of its field. */
function Cell({ text, errors }: { text: string; errors?: string[] }) {
  return (
    // a cell wraps: one long value (a 300-character site name) must not push the other columns out of view
    <Space orientation="vertical" size={0} style={{ maxWidth: 240, overflowWrap: 'anywhere' }} data-testid={errors ? 'bad-cell' : undefined}>
      <Typography.Text>{text}</Typography.Text>
      {errors?.map((message) => (
        <Typography.Text key={message} type="danger" style={{ fontSize: 12 }} data-testid="cell-error">
          {message}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The report's counts line. */
export function ReportCounts({ report }: { report: ImportReport }) {
  const t = useT();
  const { counts } = report;
  return (
    <Typography.Text strong data-testid="report-counts">
      {report.dryRun ? t('import.counts', { ...counts }) : t('import.countsDone', { ...counts })}
    </Typography.Text>
  );
}

/** The rows of a report: every row or the rejected ones only, each error under its cell. */
export function ReportRows({ jobId, report }: { jobId: string; report: ImportReport }) {
  const t = useT();
  const [onlyRejected, setOnlyRejected] = useState(report.counts.rejected > 0);
  const rejected = useImportReport(jobId, 'rejected', onlyRejected);
  const rows = onlyRejected ? rejected.data?.rows : report.rows;
  const columns = useMemo(() => reportColumns(report.mapping), [report.mapping]);
  const tableColumns: ColumnsType<CheckedRow> = [
    { title: t('import.row'), dataIndex: 'row', width: 72, fixed: 'left' },
    {
      title: t('import.verdict'),
      key: 'status',
      width: 110,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLORS[row.status]} data-testid="row-status" data-status={row.status}>
            {t(`import.rowStatus.${row.status}`)}
          </Tag>
          <Cell text="" errors={errorsByField(row, columns).get('')} />
        </Space>
      ),
    },
    ...columns.map(({ header, field }) => ({
      title: header,
      key: field,
      width: 180,
      render: (_: unknown, row: CheckedRow) => <Cell text={cellText(row, field)} errors={errorsByField(row, columns).get(field)} />,
    })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented
        data-testid="report-filter"
        value={onlyRejected ? 'rejected' : 'all'}
        onChange={(value) => setOnlyRejected(value === 'rejected')}
        options={[
          { value: 'all', label: t('import.filterAll') },
          { value: 'rejected', label: `${t('import.filterRejected')} (${report.counts.rejected})` },
        ]}
      />
      {rejected.isError && <Alert type="error" title={t('import.reportError')} description={rejected.error.message} />}
      <Table<CheckedRow>
        data-testid="report-table"
        size="small"
        rowKey="row"
        loading={onlyRejected && rejected.isLoading}
        dataSource={rows ?? []}
        columns={tableColumns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: onlyRejected ? t('import.noErrors') : undefined }}
      />
    </Space>
  );
}
