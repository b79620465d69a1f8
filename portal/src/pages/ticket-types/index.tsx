import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Empty, Select, Space, Typography } from 'antd';
import { JobProgress } from '../../components/job-progress';
import { JobStatusTag } from '../../components/job-status-tag';
import { useLocale } from '../../i18n/locale-provider';
import { useCancelJob, useJob } from '../../services/job-queries';
import { isOpen } from '../../services/jobs';
import { queryClient } from '../../services/query-client';
import { queryKeys } from '../../services/query-keys';
import { useTicketTypes } from '../../services/ticket-types';
import { MigrationForm } from './migration-form';
import { MigrationCountsLine, MigrationReportTable } from './migration-report';
import { useStartMigration, useTypeVersions } from './version-queries';
import { VersionsTable } from './versions-table';
import type { MigrationParams, MigrationResult } from './version-types';

/**
 * Admins: a ticket type's versions with the tickets on each, and moving tickets from one version
 * to another — a dry run first, then the real run — with the job's report. The type and the
 * job live in the URL (`?type=&job=`), so a report can be left and found again.
 */
export default function TicketTypeVersionsPage() {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const typeKey = params.get('type') ?? undefined;
  const jobId = params.get('job') ?? undefined;
  const types = useTicketTypes();
  const versions = useTypeVersions(typeKey);
  const start = useStartMigration(typeKey ?? '');
  const job = useJob<MigrationResult>(jobId);
  const cancel = useCancelJob();
  const ended = !!job.data && !isOpen(job.data);
  const result = job.data?.status === 'succeeded' ? job.data.result : null;
  const dryRun = (job.data?.params as MigrationParams | null | undefined)?.dryRun;
  // a finished run changed the counts per version
  useEffect(() => {
    if (ended && typeKey) void queryClient.invalidateQueries({ queryKey: queryKeys.typeVersions(typeKey) });
  }, [ended, typeKey]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('migration.title')}
      </Typography.Title>
      <Select
        style={{ width: 320 }}
        placeholder={t('migration.chooseType')}
        value={typeKey}
        loading={types.isLoading}
        data-testid="migration-type"
        options={(types.data ?? []).map((type) => ({ value: type.key, label: `${type.name[locale] ?? type.key} (${type.key})` }))}
        onChange={(key: string) => setParams({ type: key })}
      />
      {!typeKey && <Empty description={t('migration.chooseType')} />}
      {versions.isError && <Alert type="error" showIcon title={versions.error.message} />}
      {typeKey && versions.data && (
        <>
          <Card title={t('migration.versions')}>
            <VersionsTable versions={versions.data.versions} loading={versions.isFetching} />
          </Card>
          <Card title={t('migration.start')}>
            <MigrationForm
              key={typeKey}
              versions={versions.data.versions}
              starting={start.isPending}
              onStart={(body) => start.mutate(body, { onSuccess: (record) => setParams({ type: typeKey, job: record.documentId }) })}
            />
          </Card>
        </>
      )}
      {typeKey && jobId && job.data && (
        <Card
          data-testid="migration-job"
          title={
            <Space>
              {t(dryRun ? 'migration.dryRunJob' : 'migration.job')}
              <JobStatusTag status={job.data.status} />
            </Space>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <JobProgress
              job={job.data}
              label={(done, total) => t('migration.progress', { done, total })}
              onCancel={() => cancel.mutate(jobId)}
              cancelling={cancel.isPending}
            />
            {job.data.status === 'failed' && <Alert type="error" showIcon title={job.data.error ?? ''} />}
            {result && (
              <>
                <MigrationCountsLine result={result} />
                <MigrationReportTable typeKey={typeKey} jobId={jobId} result={result} />
              </>
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}
