import { Checkbox, Input, Table, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n/locale-provider';
import { formatValue } from '../../../../services/format-value';
import type { FieldSchema } from '../../../../services/schema-types';
import { isEdited, shownAs, type Choices, type SuggestionRow } from './ocr-suggestions';

interface Props {
  rows: SuggestionRow[];
  choices: Choices;
  properties: Record<string, FieldSchema | undefined>;
  /** A refused apply's messages per field. */
  errors: Record<string, string[]>;
  disabled: boolean;
  onChoose: (field: string, choice: Choices[string]) => void;
  onHover: (row: SuggestionRow | null) => void;
}

/**
 * The suggestions beside the form: per field its label, value now, the value read as the form
 * shows it (editable; an edit is shown the same way) and the confidence; a checkbox accepts
 * it. An unsure reading says so under its value until the user edits it. Hovering a row shows
 * its source on the photo.
 */
export function OcrSuggestionsTable({ rows, choices, properties, errors, disabled, onChoose, onHover }: Props) {
  const t = useT();
  return (
    <Table<SuggestionRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid="ocr-suggestions"
      onRow={(row) => ({ onMouseEnter: () => onHover(row), onMouseLeave: () => onHover(null) })}
      columns={[
        {
          key: 'accept',
          width: 36,
          render: (_, row) => (
            <Checkbox
              aria-label={t('ocr.accept')}
              data-testid={`ocr-accept-${row.field}`}
              checked={!!choices[row.field]?.accepted}
              disabled={disabled}
              onChange={(e) => onChoose(row.field, { ...choices[row.field], accepted: e.target.checked })}
            />
          ),
        },
        {
          key: 'field',
          title: t('ocr.field'),
          render: (_, row) => (
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {row.label}
            </Typography.Text>
          ),
        },
        {
          key: 'current',
          title: t('ocr.current'),
          render: (_, row) => (
            <Typography.Text type="secondary" data-testid={`ocr-current-${row.field}`}>
              {formatValue(row.current, properties[row.field])}
            </Typography.Text>
          ),
        },
        {
          key: 'suggested',
          title: t('ocr.suggested'),
          render: (_, row) => {
            const choice = choices[row.field];
            const text = choice?.edited ?? row.display;
            const edited = isEdited(row, choice);
            // the edit as the form will show it, when that is not what was typed (`major` → 主要)
            const shown = edited ? shownAs(choice.edited, properties[row.field]) : null;
            return (
              <div>
                <Input
                  size="small"
                  value={text}
                  disabled={disabled}
                  status={errors[row.field] ? 'error' : undefined}
                  data-testid={`ocr-value-${row.field}`}
                  onChange={(e) => onChoose(row.field, { accepted: true, edited: e.target.value })}
                  style={{ minWidth: 120 }}
                />
                <div style={{ fontSize: 12, marginTop: 2 }}>
                  {row.same && !edited && <Tag color="default">{t('ocr.same')}</Tag>}
                  {edited ? (
                    <>
                      <Tag color="gold" data-testid={`ocr-edited-${row.field}`}>
                        {t('ocr.edited')}
                      </Tag>
                      {shown !== null && shown !== text.trim() && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`ocr-shown-${row.field}`}>
                          {shown}
                        </Typography.Text>
                      )}
                    </>
                  ) : (
                    // the text as read, when it is not the value as shown (`nl` read for n1, `104.0670` for 104.067)
                    row.raw.trim() !== text.trim() && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`ocr-raw-${row.field}`}>
                        {t('ocr.read', { raw: row.raw })}
                      </Typography.Text>
                    )
                  )}
                </div>
                {row.unsure && !edited && (
                  <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} data-testid={`ocr-unsure-${row.field}`}>
                    <WarningOutlined /> {t('ocr.unsure')}
                  </Typography.Text>
                )}
                {errors[row.field]?.map((message) => (
                  <Typography.Text type="danger" key={message} style={{ display: 'block' }} data-testid={`ocr-error-${row.field}`}>
                    {message}
                  </Typography.Text>
                ))}
              </div>
            );
          },
        },
        {
          key: 'confidence',
          title: t('ocr.confidence'),
          width: 72,
          render: (_, row) => (
            <Tag color={row.confidence >= 0.9 ? 'green' : row.confidence >= 0.7 ? 'orange' : 'red'}>{Math.round(row.confidence * 100)}%</Tag>
          ),
        },
      ]}
    />
  );
}
