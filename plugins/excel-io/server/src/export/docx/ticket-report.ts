import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExportColumn } from '../columns';
import { cellOf } from '../cell-values';
import { REPORT_TEXT, stateLabel } from '../labels';
import type { HistoryEntry, ListedTicket, Locale } from '../ticketing-slice';
import type { ReportImage } from './photo-images';

/** One ticket's part of the report, gathered before the document is built. */
export interface ReportTicket {
  ticket: ListedTicket;
  photos: { name: string; image: ReportImage }[];
  history: HistoryEntry[];
}

/** What the cover page says. */
export interface ReportCover {
  typeName: string;
  filters: string;
  count: number;
  exportedAt: string;
  exportedBy: string;
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

const twoColumns = (rows: [string, string][], header: [string, string]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2800, 6200],
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map(([a, b]) => new TableRow({ children: [cell(a, true), cell(b)] }))],
  });

/** A history entry's changes as `label: before → after`, values as the form shows them. */
function changes(entry: HistoryEntry, columns: Map<string, ExportColumn>, ticket: ListedTicket, locale: Locale): string {
  if (entry.action === 'note') return entry.meta?.text ?? '';
  if (!entry.diff) return '';
  return Object.entries(entry.diff)
    .map(([key, [before, after]]) => {
      const column = columns.get(key);
      const shown = (value: unknown) =>
        value === null || value === undefined ? '—' : column ? cellOf(column, { ...ticket, form: { [key]: value } }, locale).text || '—' : typeof value === 'string' ? value : JSON.stringify(value);
      return `${column?.header ?? key}: ${shown(before)} → ${shown(after)}`;
    })
    .join('；');
}

function ticketSection(part: ReportTicket, typeName: string, columns: ExportColumn[], locale: Locale) {
  const text = REPORT_TEXT[locale];
  const { ticket } = part;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const formRows: [string, string][] = columns.map((c) => [c.header, cellOf(c, ticket, locale).text]);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${typeName} ${ticket.documentId}`)] }),
    new Paragraph({ children: [new TextRun({ text: `${stateLabel(ticket.status, locale)}`, bold: true })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text.form)] }),
    twoColumns(formRows, [text.field, text.value]),
  ];
  if (part.photos.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text.photos)] }));
    part.photos.forEach(({ name, image }, i) => {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'jpg', data: image.data, transformation: { width: image.width, height: image.height } })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${i + 1}. ${name}`, italics: true })] }),
      );
    });
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text.history)] }));
  if (part.history.length) {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [2200, 1800, 5000],
        rows: [
          new TableRow({ tableHeader: true, children: [cell(text.when, true), cell(text.who, true), cell(text.what, true)] }),
          ...part.history.map(
            (e) => new TableRow({ children: [cell(e.at.slice(0, 19).replace('T', ' ')), cell(e.actor.name ?? e.actor.kind), cell(`${e.action} ${changes(e, byKey, ticket, locale)}`.trim())] }),
          ),
        ],
      }),
    );
  } else children.push(new Paragraph(text.noHistory));
  return children;
}

/** The report: a cover page with the filters and count, a section per ticket, page numbers in the footer. */
export function buildReport(cover: ReportCover, parts: ReportTicket[], columns: ExportColumn[], locale: Locale): Document {
  const text = REPORT_TEXT[locale];
  const coverPage = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${cover.typeName} ${text.title}`)] }),
    twoColumns(
      [
        [text.filters, cover.filters || text.noFilters],
        [text.count, String(cover.count)],
        [text.exportedAt, cover.exportedAt],
        [text.exportedBy, cover.exportedBy],
      ],
      ['', ''],
    ),
  ];
  const body = parts.flatMap((part) => [new Paragraph({ children: [new PageBreak()] }), ...ticketSection(part, cover.typeName, columns, locale)]);
  const pageNumber =
    locale === 'en' ? [new TextRun({ children: [`${text.page} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] : [new TextRun({ children: [`${text.page} `, PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] })];
  return new Document({
    creator: cover.exportedBy,
    title: `${cover.typeName} ${text.title}`,
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber })] }) },
        children: [...coverPage, ...body],
      },
    ],
  });
}
