import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Space, Steps, Typography } from 'antd';
import { JobProgress } from '../../../components/job-progress';
import { useT } from '../../../i18n/locale-provider';
import { useCancelJob, useJob } from '../../../services/job-queries';
import { useTicketTypes, useTypeSchema } from '../../../services/ticket-types';
import { fieldChoices, mappingRows, overrideColumn, requiredUnmapped } from '../import-mapping';
import { useImportReport, usePreviewImport, useStartImport } from '../import-queries';
import { ReportCounts, ReportRows } from '../report-view';
import type { ImportChoices, ImportJobResult, ImportPreview, Mapping } from '../import-types';
import { DetectStep } from './detect-step';
import { MappingTable } from './mapping-table';
import { UploadStep } from './upload-step';

type Step = 'upload' | 'detect' | 'mapping' | 'dry-run';
const STEPS: Step[] = ['upload', 'detect', 'mapping', 'dry-run'];

/** The import wizard: upload → detected → column mapping → dry-run report → run (then the job's page). */
export default function ImportWizardPage() {
  const t = useT();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [dryRunId, setDryRunId] = useState<string>();
  const previewing = usePreviewImport();
  const starting = useStartImport();
  const cancel = useCancelJob();
  const types = useTicketTypes();
  const schema = useTypeSchema(preview?.ticketType);
  const dryRun = useJob<ImportJobResult>(dryRunId);
  const report = useImportReport(dryRunId, undefined, dryRun.data?.status === 'succeeded');

  const fields = useMemo(() => (schema.data ? fieldChoices(schema.data.schema) : []), [schema.data]);
  const rows = useMemo(() => (preview ? mappingRows(preview.columns, mapping) : []), [preview, mapping]);
  const missing = useMemo(() => {
    const keys = schema.data ? requiredUnmapped(schema.data.schema, mapping) : (preview?.requiredUnmapped ?? []);
    return keys.map((key) => fields.find((f) => f.value === key)?.label ?? key);
  }, [schema.data, mapping, preview, fields]);
  const choices: ImportChoices = { ticketType: preview?.ticketType, sheet: preview?.sheet, mapping };

  /** Reads the file again with `next` choices; the answer's mapping becomes the table's. */
  const readFile = (chosen: File, next: ImportChoices, then?: Step) =>
    previewing.mutate(
      { file: chosen, choices: next },
      {
        onSuccess: (answer) => {
          setPreview(answer);
          setMapping(answer.mapping);
          if (then) setStep(then);
        },
      },
    );
  const startDryRun = () =>
    file &&
    starting.mutate(
      { file, choices, dryRun: true },
      {
        onSuccess: (job) => {
          setDryRunId(job.documentId);
          setStep('dry-run');
        },
      },
    );
  const run = () =>
    file && starting.mutate({ file, choices, dryRun: false }, { onSuccess: (job) => navigate(`/imports/${encodeURIComponent(job.documentId)}`) });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('import.title')}
        </Typography.Title>
        <Link to="/imports">{t('import.listTitle')}</Link>
      </Space>
      <Steps
        current={STEPS.indexOf(step)}
        items={[t('import.stepUpload'), t('import.stepDetect'), t('import.stepMapping'), t('import.stepDryRun'), t('import.stepRun')].map((title) => ({ title }))}
      />
      {previewing.isError && <Alert type="error" showIcon data-testid="import-error" title={previewing.error.message} />}
      <Card data-testid={`import-step-${step}`}>
        {step === 'upload' && (
          <UploadStep
            file={file}
            reading={previewing.isPending}
            onFile={(chosen) => {
              setFile(chosen);
              readFile(chosen, {}, 'detect');
            }}
          />
        )}
        {step === 'detect' && preview && file && (
          <DetectStep
            preview={preview}
            types={types.data ?? []}
            busy={previewing.isPending}
            onType={(ticketType) => readFile(file, { ticketType, sheet: preview.sheet })}
            onSheet={(sheet) => readFile(file, { ticketType: preview.ticketType, sheet })}
          />
        )}
        {step === 'mapping' && preview && file && (
          <MappingTable
            rows={rows}
            fields={fields}
            missing={missing}
            checking={previewing.isPending}
            onChange={(header, field) => setMapping((current) => overrideColumn(current, header, field))}
            onRecheck={() => readFile(file, choices)}
          />
        )}
        {step === 'dry-run' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {dryRun.data && dryRun.data.status !== 'succeeded' && (
              <JobProgress
                job={dryRun.data}
                label={(done, total) => t('import.progress', { done, total })}
                onCancel={() => cancel.mutate(dryRun.data!.documentId)}
                cancelling={cancel.isPending}
              />
            )}
            {dryRun.data?.status === 'failed' && <Alert type="error" showIcon title={t('import.failed', { error: dryRun.data.error ?? '' })} />}
            {report.data && dryRunId && (
              <>
                <ReportCounts report={report.data} />
                <ReportRows jobId={dryRunId} report={report.data} />
                <Typography.Text type="secondary">{t('import.runHint')}</Typography.Text>
              </>
            )}
          </Space>
        )}
      </Card>
      <Space>
        {step !== 'upload' && (
          <Button onClick={() => setStep(STEPS[STEPS.indexOf(step) - 1])} disabled={starting.isPending} data-testid="import-back">
            {t('import.back')}
          </Button>
        )}
        {step === 'detect' && (
          <Button type="primary" onClick={() => setStep('mapping')} disabled={previewing.isPending} data-testid="import-next">
            {t('import.next')}
          </Button>
        )}
        {step === 'mapping' && (
          <Button type="primary" onClick={startDryRun} loading={starting.isPending} disabled={!!missing.length || previewing.isPending} data-testid="import-dry-run">
            {t('import.startDryRun')}
          </Button>
        )}
        {step === 'dry-run' && (
          <Button type="primary" onClick={run} loading={starting.isPending} disabled={!report.data || report.data.counts.valid === 0} data-testid="import-run">
            {t('import.run')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
