import { Alert, Button, Card, Col, Empty, Progress, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { CheckOutlined, ScanOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n/locale-provider';
import type { TypeSchema } from '../../../../services/schema-types';
import type { FormValues, Ticket } from '../../../../services/ticket';
import { OcrPhoto } from './ocr-photo';
import { OcrSuggestionsTable } from './ocr-suggestions-table';
import { ALL_PHOTOS, useOcrPanel } from './use-ocr-panel';

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

/**
 * Text recognition on the ticket's photos: start a job (all photos or one) and follow its
 * progress, see the recognised lines boxed on the photo, and apply the suggested values —
 * accepted one by one or all (all but unsure readings), edited where the reading is off.
 */
export function OcrPanel({ ticket, typeSchema, form, dirty, saving }: Props) {
  const t = useT();
  const panel = useOcrPanel({ ticket, typeSchema, form, dirty });
  const { job, progress, busy, photoList, shown, suggestions, rows, count, applying } = panel;
  const unsure = rows.filter((row) => row.unsure && !row.same).length;

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
              value={panel.scope}
              onChange={panel.setScope}
              style={{ minWidth: 160 }}
              data-testid="ocr-scope"
              options={[{ value: ALL_PHOTOS, label: t('ocr.scopeAll') }, ...photoList.map((p) => ({ value: p.id, label: p.name }))]}
            />
          )}
          <Button
            type="primary"
            icon={<ScanOutlined />}
            loading={busy}
            disabled={busy}
            data-testid="ocr-start"
            onClick={panel.startJob}
          >
            {t('ocr.start')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {job && (
          <div data-testid="ocr-progress" data-status={job.status} data-done={progress.done} data-total={progress.total}>
            {job.status === 'failed' || job.status === 'cancelled' ? (
              <Alert
                type="error"
                showIcon
                data-testid="ocr-failed"
                title={t(job.status === 'failed' ? 'ocr.failed' : 'ocr.cancelled')}
                description={job.error ?? undefined}
              />
            ) : (
              <>
                <Progress
                  percent={progress.percent}
                  status={progress.active ? 'active' : 'success'}
                  format={() => (progress.total ? `${progress.done}/${progress.total}` : '')}
                />
                <Typography.Text type="secondary" data-testid="ocr-progress-text">
                  {job.status === 'queued'
                    ? t('ocr.queued')
                    : job.status === 'running'
                      ? t('ocr.running', { done: progress.done, total: progress.total || '?' })
                      : t('ocr.done', { lines: job.result?.lines ?? 0 })}
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
                  value={shown.id}
                  onChange={(value) => panel.showPhoto(String(value))}
                  options={photoList.map((p) => ({ value: p.id, label: p.name }))}
                />
              )}
              {shown.photo || shown.result ? (
                <OcrPhoto
                  url={shown.result?.image.url ?? shown.photo!.url}
                  name={shown.result?.image.name ?? shown.photo!.name}
                  size={shown.result ? { width: shown.result.width, height: shown.result.height } : null}
                  lines={shown.result?.lines ?? []}
                  highlight={shown.highlight}
                />
              ) : panel.photos.isPending ? (
                <Spin />
              ) : null}
              {shown.result ? (
                <Typography.Text type="secondary" data-testid="ocr-line-count">
                  {t('ocr.lines', { count: shown.result.lines.length })}
                </Typography.Text>
              ) : (
                !panel.results.isPending && <Typography.Text type="secondary">{t('ocr.notRead')}</Typography.Text>
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
                    choices={panel.choices}
                    properties={panel.properties}
                    errors={panel.fieldErrors}
                    disabled={applying}
                    onChoose={panel.choose}
                    onHover={panel.hover}
                  />
                  {panel.generalErrors.length > 0 && (
                    <Alert type="error" showIcon title={t('form.serverErrors')} description={panel.generalErrors.join('; ')} data-testid="ocr-apply-errors" />
                  )}
                  {dirty && <Alert type="warning" showIcon title={t('ocr.saveFirst')} data-testid="ocr-dirty" />}
                  {unsure > 0 && (
                    <Alert type="warning" showIcon title={t('ocr.unsureNote', { count: unsure })} data-testid="ocr-unsure-note" />
                  )}
                  <Space wrap>
                    <Button size="small" data-testid="ocr-accept-all" disabled={applying} onClick={panel.acceptAll}>
                      {t('ocr.acceptAll')}
                    </Button>
                    <Button size="small" data-testid="ocr-clear" disabled={applying || count === 0} onClick={panel.clearChoices}>
                      {t('ocr.clear')}
                    </Button>
                    <Button
                      type="primary"
                      icon={<CheckOutlined />}
                      data-testid="ocr-apply"
                      loading={applying}
                      disabled={count === 0 || dirty || saving || applying}
                      onClick={panel.applyAccepted}
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
