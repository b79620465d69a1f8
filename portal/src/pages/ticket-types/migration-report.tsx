import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../i18n/locale-provider';
import { useMigrationReport } from './version-queries';
import type { MigrationEntry, MigrationOutcome, MigrationResult } from './version-types';

type Filter = 'all' | MigrationOutcome;

/** The counts line of a finished migration. */
export function MigrationCountsLine({ result }: { result: MigrationResult }) {
  const t = useT();
  return (
    <Typography.Text strong data-testid="migration-counts">
      {t(result.dryRun ? 'migration.countsDry' : 'migration.counts', { ...result.counts, from: result.from, to: result.to })}
    </Typography.Text>
  );
}

/** A finished migration's per-ticket report, a page at a time: the kept tickets first when there are any. */
export function MigrationReportTable({ typeKey, jobId, result }: { typeKey: string; jobId: string; result: MigrationResult }) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>(result.counts.kept > 0 ? 'kept' : 'all');
  const [page, setPage] = useState(1);
  const report = useMigrationReport(typeKey, jobId, filter === 'all' ? undefined : filter, page, true);
  const columns: ColumnsType<MigrationEntry> = [
    {
      title: t('migration.ticket'),
      key: 'ticket',
      width: 260,
      render: (_, entry) => <Link to={`/tickets/${encodeURIComponent(entry.id)}`}>{entry.id}</Link>,
    },
    {
      title: t('migration.outcome'),
      key: 'outcome',
      width: 130,
      render: (_, entry) => (
        <Tag color={entry.outcome === 'migrated' ? 'success' : 'warning'} data-testid="entry-outcome" data-outcome={entry.outcome}>
          {t(result.dryRun && entry.outcome === 'migrated' ? 'migration.outcome.wouldMigrate' : `migration.outcome.${entry.outcome}`)}
        </Tag>
      ),
    },
    {
      title: t('migration.reasons'),
      key: 'reasons',
      render: (_, entry) => (
        <Space orientation="vertical" size={0}>
          {entry.reasons.map((r) => (
            <Typography.Text key={`${r.field}-${r.reason}`} data-testid="entry-reason">
              <Typography.Text code>{r.field}</Typography.Text> {t(`migration.reason.${r.reason}`)}
              {r.reason === 'value-refused' ? `: ${r.message}` : ''}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<Filter>
        value={filter}
        onChange={(value) => {
          setFilter(value);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('migration.filter.all') },
          { value: 'kept', label: t('migration.filter.kept') },
          { value: 'migrated', label: t('migration.filter.migrated') },
        ]}
      />
      {report.isError && <Alert type="error" showIcon title={report.error.message} />}
      <Table<MigrationEntry>
        data-testid="migration-report"
        rowKey="id"
        size="small"
        loading={report.isFetching}
        dataSource={report.data?.data.entries ?? []}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: report.data?.meta.pagination.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </Space>
  );
}
