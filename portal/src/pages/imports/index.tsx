import { Link, useNavigate } from 'react-router';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { JobStatusTag } from '../../components/job-status-tag';
import { useT } from '../../i18n/locale-provider';
import { useJobs } from '../../services/job-queries';
import type { Job } from '../../services/jobs';
import type { ImportJobParams, ImportJobResult } from './import-types';

type ImportJob = Job<ImportJobResult, ImportJobParams>;

/** "My imports": the caller's past and running imports (the jobs API), newest first. */
export default function ImportListPage() {
  const t = useT();
  const navigate = useNavigate();
  const jobs = useJobs<ImportJobResult, ImportJobParams>('import');
  const columns: ColumnsType<ImportJob> = [
    {
      title: t('import.file'),
      key: 'file',
      render: (_, job) => (
        <Space>
          <Link to={`/imports/${encodeURIComponent(job.documentId)}`} data-testid="import-link">
            {job.params?.fileName ?? job.documentId}
          </Link>
          {job.params?.dryRun && <Tag>{t('import.dryRun')}</Tag>}
        </Space>
      ),
    },
    { title: t('job.status'), key: 'status', width: 110, render: (_, job) => <JobStatusTag status={job.status} /> },
    {
      title: t('import.rows'),
      key: 'rows',
      render: (_, job) => {
        const counts = job.result?.counts;
        if (counts) return job.params?.dryRun ? t('import.counts', { ...counts }) : t('import.countsDone', { ...counts });
        return job.progress?.total ? t('import.progress', { done: job.progress.done ?? 0, total: job.progress.total }) : '';
      },
    },
    { title: t('job.created'), key: 'created', width: 170, render: (_, job) => (job.createdAt ? dayjs(job.createdAt).format('YYYY-MM-DD HH:mm') : '') },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('import.listTitle')}
        </Typography.Title>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/imports/new')} data-testid="import-new">
          {t('import.new')}
        </Button>
      </Space>
      {jobs.isError && <Alert type="error" showIcon title={jobs.error.message} />}
      <Table<ImportJob>
        data-testid="import-list"
        rowKey="documentId"
        loading={jobs.isLoading}
        dataSource={jobs.data ?? []}
        columns={columns}
        locale={{ emptyText: t('import.listEmpty') }}
        pagination={false}
      />
    </Space>
  );
}
