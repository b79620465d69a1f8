import { Alert, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { JobStatusTag } from '../../components/job-status-tag';
import { useT } from '../../i18n/locale-provider';
import { useJobs } from '../../services/job-queries';
import { formatBytes, type Job } from '../../services/jobs';
import { DownloadLink } from './download-link';
import type { ExportJobParams, ExportResult } from './export-types';

type ExportJob = Job<ExportResult, ExportJobParams>;

/** "My exports": the caller's exports and Word reports (the jobs API), with status, size and link. */
export default function ExportListPage() {
  const t = useT();
  const jobs = useJobs<ExportResult, ExportJobParams>('export');
  const columns: ColumnsType<ExportJob> = [
    {
      title: t('export.file'),
      key: 'file',
      render: (_, job) => job.result?.filename ?? [job.params?.request?.ticketType, job.params?.request?.format].filter(Boolean).join(' · '),
    },
    { title: t('job.status'), key: 'status', width: 110, render: (_, job) => <JobStatusTag status={job.status} /> },
    { title: t('export.rows'), key: 'rows', width: 90, render: (_, job) => job.result?.rows ?? job.progress?.done ?? '' },
    { title: t('export.size'), key: 'size', width: 100, render: (_, job) => (job.result ? formatBytes(job.result.bytes) : '') },
    { title: t('job.created'), key: 'created', width: 170, render: (_, job) => (job.createdAt ? dayjs(job.createdAt).format('YYYY-MM-DD HH:mm') : '') },
    {
      title: t('export.download'),
      key: 'link',
      render: (_, job) => (job.status === 'succeeded' && job.result ? <DownloadLink jobId={job.documentId} result={job.result} /> : job.error ?? ''),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('export.listTitle')}
      </Typography.Title>
      {jobs.isError && <Alert type="error" showIcon title={jobs.error.message} />}
      <Table<ExportJob>
        data-testid="export-list"
        rowKey="documentId"
        loading={jobs.isLoading}
        dataSource={jobs.data ?? []}
        columns={columns}
        locale={{ emptyText: t('export.listEmpty') }}
        pagination={false}
      />
    </Space>
  );
}
