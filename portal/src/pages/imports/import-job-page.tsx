import { Link, useParams } from 'react-router';
import { Alert, Button, Card, List, Result, Space, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { JobProgress } from '../../components/job-progress';
import { JobStatusTag } from '../../components/job-status-tag';
import { useT } from '../../i18n/locale-provider';
import { useCancelJob, useJob } from '../../services/job-queries';
import { useDownloadErrorWorkbook, useImportReport } from './import-queries';
import { ReportCounts, ReportRows } from './report-view';
import { createdTickets } from './report-rows';
import type { ImportJobParams, ImportJobResult } from './import-types';

/**
 * One import, from the server's job record: it runs whether or not this page is open, so the
 * page can be left and found again in "My imports". Progress while it runs, then the report,
 * the tickets it created and the error workbook.
 */
export default function ImportJobPage() {
  const t = useT();
  const { jobId } = useParams();
  const job = useJob<ImportJobResult>(jobId);
  const cancel = useCancelJob();
  const ended = !!job.data && ['succeeded', 'failed', 'cancelled'].includes(job.data.status);
  const report = useImportReport(jobId, undefined, ended);
  const download = useDownloadErrorWorkbook();
  if (job.isError) return <Result status="warning" title={job.error.message} />;
  if (!job.data || !jobId) return <Spin />;
  const params = (job.data.params ?? {}) as ImportJobParams;
  const fileName = report.data?.fileName ?? params.fileName ?? jobId;
  const tickets = report.data ? createdTickets(report.data.rows) : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="import-job-title">
          {fileName} <JobStatusTag status={job.data.status} />
        </Typography.Title>
        <Link to="/imports">{t('import.listTitle')}</Link>
      </Space>
      <Card>
        <JobProgress
          job={job.data}
          label={(done, total) => t('import.progress', { done, total })}
          onCancel={() => cancel.mutate(jobId)}
          cancelling={cancel.isPending}
        />
        {job.data.status === 'failed' && <Alert type="error" showIcon title={t('import.failed', { error: job.data.error ?? '' })} />}
        {job.data.status === 'cancelled' && <Alert type="warning" showIcon title={t('import.cancelledDone')} />}
        {job.data.status === 'succeeded' && <Alert type="success" showIcon title={t('import.succeeded')} style={{ marginTop: 12 }} />}
      </Card>
      {report.isError && <Alert type="error" showIcon title={t('import.reportError')} description={report.error.message} />}
      {report.data && (
        <>
          <Card>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <ReportCounts report={report.data} />
              <Button
                icon={<DownloadOutlined />}
                data-testid="error-workbook"
                disabled={report.data.counts.rejected === 0}
                loading={download.isPending}
                onClick={() => download.mutate({ jobId, fileName })}
              >
                {t('import.errorWorkbook')}
              </Button>
            </Space>
          </Card>
          {!report.data.dryRun && (
            <Card title={t('import.createdTickets', { count: tickets.length })} data-testid="created-tickets">
              <Typography.Paragraph>
                <Link to={`/tickets?type=${encodeURIComponent(report.data.ticketType)}&import=${encodeURIComponent(jobId)}`} data-testid="created-tickets-list">
                  {t('import.showInList')}
                </Link>
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={tickets}
                pagination={tickets.length > 20 ? { pageSize: 20 } : false}
                renderItem={({ row, ticket }) => (
                  <List.Item>
                    <Link to={`/tickets/${encodeURIComponent(ticket)}`} data-testid="created-ticket">
                      {t('import.row')} {row} → {t('import.ticket')} {ticket}
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
          )}
          <Card>
            <ReportRows jobId={jobId} report={report.data} />
          </Card>
        </>
      )}
    </Space>
  );
}
