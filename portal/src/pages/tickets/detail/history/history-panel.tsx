import type { ReactNode } from 'react';
import { Alert, Button, Card, Empty, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MessageKey } from '../../../../i18n/zh-cn';
import { useT } from '../../../../i18n/locale-provider';
import { formatValue } from '../../../../services/format-value';
import { fieldSchemasOf, type TypeSchema } from '../../../../services/schema-types';
import { PHOTO_PICKER_FIELD } from '../../../../services/ui-fields';
import { useHistory } from './history-queries';
import type { HistoryEntry } from './history-types';

/** One audit entry's field diff as "label: before → after" lines. */
function DiffLines({
  entry,
  typeSchema,
  statusLabel,
}: {
  entry: HistoryEntry;
  typeSchema?: TypeSchema;
  statusLabel: (s: unknown) => string;
}) {
  const t = useT();
  // a reorder keeps the count: its entry says enough
  if (!entry.diff || entry.action === 'photo_reorder') return null;
  const properties = typeSchema ? fieldSchemasOf(typeSchema.schema) : {};
  const uiSchema = (typeSchema?.uiSchema ?? {}) as Record<string, { 'ui:field'?: string } | undefined>;
  // photo ids mean nothing to a reader: the ticket's photo list and images fields show as a count
  const isPhotoList = (field: string) => field === 'photos' || uiSchema[field]?.['ui:field'] === PHOTO_PICKER_FIELD;
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
      {Object.entries(entry.diff).map(([field, [before, after]]) => {
        const show = (value: unknown) =>
          field === 'status'
            ? statusLabel(value)
            : isPhotoList(field)
              ? t('history.photoCount', { count: Array.isArray(value) ? value.length : 0 })
              : formatValue(value, properties[field]);
        return (
          <li key={field}>
            <Typography.Text type="secondary">
              {properties[field]?.title ?? (isPhotoList(field) ? t('photos.title') : field)}:{' '}
            </Typography.Text>
            {entry.action !== 'create' && <Typography.Text delete>{show(before)}</Typography.Text>}
            {entry.action !== 'create' && ' → '}
            <Typography.Text>{show(after)}</Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}

/** A work note's text: plain text (React escapes it, never HTML) with its line breaks kept. */
function NoteText({ entry }: { entry: HistoryEntry }) {
  const text = typeof entry.meta?.text === 'string' ? entry.meta.text : '';
  return (
    <Typography.Paragraph data-testid="note-text-shown" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
      {text}
    </Typography.Paragraph>
  );
}

/** Who a ticket went from and to (the assign entry's names; nobody when null). */
function AssignLine({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  const name = (value: unknown) => (typeof value === 'string' && value ? value : t('assign.nobody'));
  return (
    <div>
      <Typography.Text delete>{name(entry.meta?.from)}</Typography.Text> → <Typography.Text>{name(entry.meta?.to)}</Typography.Text>
    </div>
  );
}

/** An SLA mark of the server's sweep: which clock reached which state. */
function SlaLine({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  const label = (prefix: string, value: unknown) => {
    const key = `${prefix}.${String(value)}` as MessageKey;
    const text = t(key);
    return text === key ? String(value ?? '') : text;
  };
  return (
    <div data-testid="sla-entry">
      {label('sla', entry.meta?.clock)}: <Typography.Text type={entry.meta?.state === 'breached' ? 'danger' : 'warning'}>{label('sla.state', entry.meta?.state)}</Typography.Text>
    </div>
  );
}

/** The ticket's history (audit trail with field diffs and work notes), newest first, in a side panel. */
export function HistoryPanel({ ticketId, typeSchema, children }: { ticketId: string; typeSchema?: TypeSchema; children?: ReactNode }) {
  const t = useT();
  const history = useHistory(ticketId);
  const entries = history.data?.pages.flatMap((page) => page.data) ?? [];
  // an action this portal has no text for yet (a newer plugin's) shows as the server names it
  const actionLabel = (action: string) => {
    const key = `history.action.${action}` as MessageKey;
    const text = t(key);
    return text === key ? action : text;
  };
  const statusLabel = (value: unknown) => (typeof value === 'string' ? t(`status.${value}` as MessageKey) : formatValue(value, undefined));
  return (
    <Card title={t('history.title')} size="small" data-testid="history-panel">
      {children}
      {history.isPending ? (
        <Spin />
      ) : history.isError ? (
        <Alert type="error" title={history.error.message} />
      ) : entries.length === 0 ? (
        <Empty description={t('history.empty')} />
      ) : (
        <>
          <Timeline
            items={entries.map((entry) => ({
              key: entry.id,
              title: dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss'),
              content: (
                <div data-testid="history-entry" data-action={entry.action}>
                  <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>
                  <Typography.Text type="secondary"> · {entry.actor.name ?? entry.actor.kind}</Typography.Text>
                  {entry.action === 'note' ? (
                    <NoteText entry={entry} />
                  ) : entry.action === 'assign' ? (
                    <AssignLine entry={entry} />
                  ) : entry.action === 'sla' ? (
                    <SlaLine entry={entry} />
                  ) : (
                    <DiffLines entry={entry} typeSchema={typeSchema} statusLabel={statusLabel} />
                  )}
                </div>
              ),
            }))}
          />
          {history.hasNextPage && (
            <Button block loading={history.isFetchingNextPage} onClick={() => history.fetchNextPage()}>
              {t('history.more')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
