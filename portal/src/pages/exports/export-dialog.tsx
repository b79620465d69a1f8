import { useMemo, useState } from 'react';
import { Alert, Button, Form, Modal, Radio, Select, Space, Tooltip, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { JobProgress } from '../../components/job-progress';
import { useLocale } from '../../i18n/locale-provider';
import { useCancelJob, useJob } from '../../services/job-queries';
import { fieldSchemasOf, type TypeSchema } from '../../services/schema-types';
import type { FilterSpec, ListState } from '../tickets/list/types';
import { DownloadLink } from './download-link';
import { useExportTemplates, useStartExport } from './export-queries';
import { exportRequest } from './export-request';
import { EXPORT_FORMATS, META_COLUMNS, type ExportFormat, type ExportResult } from './export-types';

interface Props {
  state: ListState;
  specs: FilterSpec[];
  schema: TypeSchema | undefined;
}

/** "Export" on the ticket list: the list's filters and sort, a format and columns → a job → the file. */
export function ExportButton({ state, specs, schema }: Props) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [columns, setColumns] = useState<string[]>([]);
  const [template, setTemplate] = useState<string>();
  const [jobId, setJobId] = useState<string>();
  const start = useStartExport();
  const cancel = useCancelJob();
  const job = useJob<ExportResult>(jobId);
  const choices = useMemo(
    () => [
      ...Object.entries(schema ? fieldSchemasOf(schema.schema) : {}).map(([key, field]) => ({ value: key, label: field.title ?? key })),
      ...META_COLUMNS.map((key) => ({ value: key, label: t(`export.meta.${key}`) })),
    ],
    [schema, t],
  );
  const type = state.type;
  const templates = useExportTemplates(type, open);
  // templates are workbooks: only an xlsx export uses one
  const chosenTemplate = format === 'xlsx' ? template : undefined;
  const submit = () =>
    type &&
    start.mutate(exportRequest({ ...state, type }, specs, format, columns, locale, chosenTemplate), { onSuccess: (started) => setJobId(started.documentId) });

  return (
    <>
      <Tooltip title={type ? undefined : t('export.needType')}>
        <Button icon={<ExportOutlined />} disabled={!type} onClick={() => setOpen(true)} data-testid="export-open">
          {t('export.button')}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('export.title')}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        afterClose={() => setJobId(undefined)}
        footer={
          <Button type="primary" onClick={submit} loading={start.isPending} disabled={!!jobId} data-testid="export-start">
            {t('export.start')}
          </Button>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="export-dialog">
          <Typography.Text type="secondary">{t('export.filtersNote')}</Typography.Text>
          <Form layout="vertical" disabled={!!jobId}>
            <Form.Item label={t('export.format')}>
              <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
                {EXPORT_FORMATS.map((f) => (
                  <Radio.Button key={f} value={f}>
                    {f}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            {format === 'xlsx' && !!templates.data?.length && (
              <Form.Item label={t('export.template')}>
                <Select
                  allowClear
                  data-testid="export-template"
                  placeholder={t('export.noTemplate')}
                  value={template}
                  onChange={setTemplate}
                  options={templates.data.map((tpl) => ({ value: tpl.documentId, label: tpl.name }))}
                />
              </Form.Item>
            )}
            <Form.Item label={t('export.columns')} extra={chosenTemplate ? t('export.templateColumns') : undefined}>
              <Select
                mode="multiple"
                allowClear
                disabled={!!chosenTemplate}
                data-testid="export-columns"
                placeholder={t('export.allColumns')}
                value={columns}
                onChange={setColumns}
                options={choices}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Form>
          {job.data && (
            <JobProgress
              job={job.data}
              label={(done, total) => t('export.progress', { done, total })}
              onCancel={() => cancel.mutate(job.data!.documentId)}
              cancelling={cancel.isPending}
            />
          )}
          {job.data?.status === 'failed' && <Alert type="error" showIcon title={t('export.failed', { error: job.data.error ?? '' })} />}
          {job.data?.status === 'succeeded' && job.data.result && <DownloadLink jobId={job.data.documentId} result={job.data.result} />}
        </Space>
      </Modal>
    </>
  );
}
