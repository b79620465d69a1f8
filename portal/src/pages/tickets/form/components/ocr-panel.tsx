import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Progress, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { CheckOutlined, ScanOutlined } from '@ant-design/icons';
import { isApiError } from '../../../../api/api-error';
import { useT } from '../../../../i18n/locale-provider';
import { fieldOrder, type TypeSchema } from '../../../../services/schema-types';
import type { FormValues, Ticket } from '../../../../services/ticket';
import { useApplyOcr, useOcrJob, useOcrResults, useOcrSuggestions, useStartOcr } from '../ocr-service';
import { acceptAll, acceptedValues, jobProgress, suggestionRows, type Choices, type SuggestionRow } from '../ocr-suggestions';
import { usePhotos } from '../photo-service';
import { mapServerErrors, type MappedErrors } from '../server-errors';
import { OcrPhoto } from './ocr-photo';
import { OcrSuggestionsTable } from './ocr-suggestions-table';

interface Props {
  ticket: Ticket;
  typeSchema: TypeSchema;
  /** The form's values as shown (the current values of the suggestion rows). */
  form: FormValues;
  /** The form has unsaved edits: applying is held back until they are saved or discarded. */
  dirty: boolean;
  /** The form is being saved. */
  saving: boolean;
}

const NO_ERRORS: MappedErrors = { errorSchema: {}, general: [] };
const ALL = '__all__';

/** The messages of a mapped 400 per top-level field. */
const fieldMessages = (errors: MappedErrors): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(errors.errorSchema as Record<string, { __errors?: string[] }>).map(([field, node]) => [field, node.__errors ?? []]),
  );

/**
 * Text recognition on the ticket's photos: start a job (all photos or one) and follow its
 * progress, see the recognised lines boxed on the photo, and apply the suggested values —
 * accepted one by one or all, edited where the reading is off.
 */
export function OcrPanel({ ticket, typeSchema, form, dirty, saving }: Props) {
  const t = useT();
  const id = ticket.documentId;
  const photos = usePhotos(id);
  const results = useOcrResults(id);
  const suggestions = useOcrSuggestions(id);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useOcrJob(id, jobId);
  const start = useStartOcr(id);
  const apply = useApplyOcr(id);
  const [scope, setScope] = useState<string>(ALL);
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<SuggestionRow | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [errors, setErrors] = useState<MappedErrors>(NO_ERRORS);

  // new readings, new decisions (a refetch with the same answer keeps the same data object)
  useEffect(() => {
    setChoices({});
    setErrors(NO_ERRORS);
  }, [suggestions.data]);

  const properties = typeSchema.schema.properties;
  const order = useMemo(() => fieldOrder(typeSchema.schema, typeSchema.uiSchema), [typeSchema]);
  const labels = useMemo(() => Object.fromEntries(order.map((f) => [f, properties[f]?.title])), [order, properties]);
  const rows = useMemo(
    () => suggestionRows(suggestions.data?.data ?? [], form, order, labels),
    [suggestions.data, form, order, labels],
  );
  const values = acceptedValues(rows, choices, properties);
  const count = Object.keys(values).length;

  const progress = jobProgress(job.data);
  const busy = start.isPending || progress.active;
  const photoList = photos.data ?? [];
  const shownId = hovered?.source.image ?? selected ?? results.data?.[0]?.image.id ?? photoList[0]?.id;
  const shownResult = results.data?.find((r) => r.image.id === shownId);
  const shownPhoto = photoList.find((p) => p.id === shownId);
  const highlight = hovered && hovered.source.image === shownId ? { box: hovered.source.box, lines: hovered.source.lines } : null;

  const choose = (field: string, choice: Choices[string]) => {
    setChoices((prev) => ({ ...prev, [field]: choice }));
    // a refused value's message goes once the user changes it
    setErrors((prev) => {
      const kept = Object.entries(prev.errorSchema as Record<string, unknown>).filter(([key]) => key !== field);
      return { ...prev, errorSchema: Object.fromEntries(kept) as MappedErrors['errorSchema'] };
    });
  };
  const doApply = () => {
    if (count === 0 || dirty || apply.isPending) return;
    setErrors(NO_ERRORS);
    apply.mutate(
      { values, version: ticket.version },
      {
        onSuccess: () => setChoices({}),
        onError: (error) => {
          if (isApiError(error, 'http', 400)) setErrors(mapServerErrors(error, Object.keys(properties)));
        },
      },
    );
  };

  return (
    <Card
      size="small"
      title={t('ocr.title')}
      data-testid="ocr-panel"
      extra={
        <Space wrap>
          {photoList.length > 1 && (
            <Select
              size="small"
              value={scope}
              onChange={setScope}
              style={{ minWidth: 160 }}
              data-testid="ocr-scope"
              options={[{ value: ALL, label: t('ocr.scopeAll') }, ...photoList.map((p) => ({ value: p.id, label: p.name }))]}
            />
          )}
          <Button
            type="primary"
            icon={<ScanOutlined />}
            loading={busy}
            disabled={busy}
            data-testid="ocr-start"
            onClick={() => {
              if (busy) return; // no second job while one runs
              start.mutate(scope === ALL ? undefined : [scope], { onSuccess: (started) => setJobId(started.documentId) });
            }}
          >
            {t('ocr.start')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {job.data && (
          <div data-testid="ocr-progress" data-status={job.data.status} data-done={progress.done} data-total={progress.total}>
            {job.data.status === 'failed' || job.data.status === 'cancelled' ? (
              <Alert
                type="error"
                showIcon
                data-testid="ocr-failed"
                title={t(job.data.status === 'failed' ? 'ocr.failed' : 'ocr.cancelled')}
                description={job.data.error ?? undefined}
              />
            ) : (
              <>
                <Progress
                  percent={progress.percent}
                  status={progress.active ? 'active' : 'success'}
                  format={() => (progress.total ? `${progress.done}/${progress.total}` : '')}
                />
                <Typography.Text type="secondary" data-testid="ocr-progress-text">
                  {job.data.status === 'queued'
                    ? t('ocr.queued')
                    : job.data.status === 'running'
                      ? t('ocr.running', { done: progress.done, total: progress.total || '?' })
                      : t('ocr.done', { lines: job.data.result?.lines ?? 0 })}
                  {progress.active && progress.message ? ` · ${progress.message}` : ''}
                </Typography.Text>
              </>
            )}
          </div>
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {photoList.length > 1 && (
                <Segmented
                  size="small"
                  value={shownId}
                  onChange={(value) => setSelected(String(value))}
                  options={photoList.map((p) => ({ value: p.id, label: p.name }))}
                />
              )}
              {shownPhoto || shownResult ? (
                <OcrPhoto
                  url={shownResult?.image.url ?? shownPhoto!.url}
                  name={shownResult?.image.name ?? shownPhoto!.name}
                  size={shownResult ? { width: shownResult.width, height: shownResult.height } : null}
                  lines={shownResult?.lines ?? []}
                  highlight={highlight}
                />
              ) : photos.isPending ? (
                <Spin />
              ) : null}
              {shownResult ? (
                <Typography.Text type="secondary" data-testid="ocr-line-count">
                  {t('ocr.lines', { count: shownResult.lines.length })}
                </Typography.Text>
              ) : (
                !results.isPending && <Typography.Text type="secondary">{t('ocr.notRead')}</Typography.Text>
              )}
            </Space>
          </Col>
          <Col xs={24} lg={14}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('ocr.suggestions')}</Typography.Text>
              {suggestions.isError && <Alert type="error" title={suggestions.error.message} />}
              {suggestions.isPending ? (
                <Spin />
              ) : rows.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ocr.noSuggestions')} />
              ) : (
                <>
                  <OcrSuggestionsTable
                    rows={rows}
                    choices={choices}
                    properties={properties}
                    errors={fieldMessages(errors)}
                    disabled={apply.isPending}
                    onChoose={choose}
                    onHover={setHovered}
                  />
                  {errors.general.length > 0 && (
                    <Alert type="error" showIcon title={t('form.serverErrors')} description={errors.general.join('; ')} data-testid="ocr-apply-errors" />
                  )}
                  {dirty && <Alert type="warning" showIcon title={t('ocr.saveFirst')} data-testid="ocr-dirty" />}
                  <Space wrap>
                    <Button size="small" data-testid="ocr-accept-all" disabled={apply.isPending} onClick={() => setChoices((prev) => acceptAll(rows, prev))}>
                      {t('ocr.acceptAll')}
                    </Button>
                    <Button size="small" disabled={apply.isPending || count === 0} onClick={() => setChoices({})}>
                      {t('ocr.clear')}
                    </Button>
                    <Button
                      type="primary"
                      icon={<CheckOutlined />}
                      data-testid="ocr-apply"
                      loading={apply.isPending}
                      disabled={count === 0 || dirty || saving || apply.isPending}
                      onClick={doApply}
                    >
                      {t('ocr.apply', { count })}
                    </Button>
                  </Space>
                </>
              )}
            </Space>
          </Col>
        </Row>
      </Space>
    </Card>
  );
}
