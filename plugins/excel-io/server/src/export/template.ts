import ExcelJS, { type Style } from 'exceljs';
import { InvalidError } from 'strapi-plugin-access';
import { resolveColumns } from './columns';
import type { SheetLayout, TitleCell } from './sheet-layout';
import { templateImages, type TemplateImage } from './template-images';
import type { FieldType, Locale, TypeDefinition } from './ticketing-slice';

/** What the title area's placeholders are filled with. */
export const TITLE_PLACEHOLDERS = ['typeName', 'exportedAt', 'exportedBy', 'filters', 'count'] as const;
export type TitleValues = Record<(typeof TITLE_PLACEHOLDERS)[number], string | number>;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;
const isTitlePlaceholder = (name: string) => (TITLE_PLACEHOLDERS as readonly string[]).includes(name);

/** A template that cannot be used (a 400): the message names the problem and where it is. */
export class TemplateError extends InvalidError {}

type RawValue = TitleCell['value'];

/** A template's first sheet, read once: the title area as written and the marked data row. */
export interface ParsedTemplate {
  sheetName: string;
  titleRows: { number: number; height?: number; cells: { column: number; address: string; value: RawValue; style: Partial<Style> }[] }[];
  merges: string[];
  widths: (number | undefined)[];
  dataRow: { number: number; height?: number; columns: { key: string; address: string; style: Partial<Style> }[] };
  /** Pictures of the title area (a logo). */
  images: TemplateImage[];
}

const copyStyle = (style: Partial<Style> | undefined): Partial<Style> => (style ? (JSON.parse(JSON.stringify(style)) as Partial<Style>) : {});

/** A cell's value as plain data: rich text becomes its text, a formula its cached result. */
function plainValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return null;
}

const placeholdersIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);

/**
 * Reads an .xlsx template: its first sheet's rows above the data row are the title area (their
 * placeholders must be title placeholders); the data row is the first row holding a column
 * placeholder (`{{pci}}`, `{{id}}`), one per cell from column A on, without gaps. Anything
 * else is a TemplateError naming the problem.
 */
export async function parseTemplate(bytes: Buffer): Promise<ParsedTemplate> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new TemplateError(`The template is not an .xlsx workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TemplateError('The template workbook has no sheet');

  const titleRows: ParsedTemplate['titleRows'] = [];
  let dataRow: ParsedTemplate['dataRow'] | undefined;
  for (let r = 1; r <= sheet.rowCount && !dataRow; r++) {
    const row = sheet.getRow(r);
    const cells: ParsedTemplate['titleRows'][number]['cells'] = [];
    const columnKeys: { column: number; key: string; address: string; style: Partial<Style> }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = plainValue(cell.value);
      const names = typeof value === 'string' ? placeholdersIn(value) : [];
      const columnNames = names.filter((n) => !isTitlePlaceholder(n));
      if (columnNames.length) {
        if (typeof value !== 'string' || value.trim() !== `{{${columnNames[0]}}}` || names.length !== 1) {
          throw new TemplateError(`Data row cell ${cell.address} must hold one column placeholder alone, not "${String(value)}"`);
        }
        columnKeys.push({ column, key: columnNames[0], address: cell.address, style: copyStyle(cell.style) });
      } else {
        cells.push({ column, address: cell.address, value, style: copyStyle(cell.style) });
      }
    });
    const height = row.height || undefined;
    if (columnKeys.length) {
      if (cells.some((c) => c.value !== null && c.value !== '')) {
        throw new TemplateError(`Data row ${r} mixes column placeholders with other values (${cells.map((c) => c.address).join(', ')})`);
      }
      columnKeys.forEach((c, i) => {
        if (c.column !== i + 1) throw new TemplateError(`Data row ${r}: column placeholders must fill the columns from A without gaps (${c.address} follows a gap)`);
      });
      dataRow = { number: r, height, columns: columnKeys.map(({ key, address, style }) => ({ key, address, style })) };
    } else {
      titleRows.push({ number: r, height, cells });
    }
  }
  if (!dataRow) {
    throw new TemplateError('The template has no data row: put one column placeholder per cell ({{id}}, {{status}}, or a field key such as {{pci}}) in the row the tickets should follow');
  }
  const merges = (sheet.model.merges ?? []).filter((range) => {
    const lastRow = Number(/(\d+)$/.exec(range)?.[1] ?? 0);
    return lastRow < dataRow.number;
  });
  const widths = dataRow.columns.map((_, i) => sheet.getColumn(i + 1).width);
  return { sheetName: sheet.name, titleRows, merges, widths, dataRow, images: templateImages(workbook, sheet, dataRow.number) };
}

/** The placeholders of a title cell filled in; an unknown one is a TemplateError naming its cell. */
function fillTitle(value: RawValue, address: string, values: TitleValues): RawValue {
  if (typeof value !== 'string') return value;
  for (const name of placeholdersIn(value)) {
    if (!isTitlePlaceholder(name)) throw new TemplateError(`Unknown placeholder {{${name}}} in ${address}: use ${TITLE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
  }
  const whole = /^\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}$/.exec(value.trim());
  // a cell that is one placeholder keeps the value's type (the count stays a number)
  if (whole) return values[whole[1] as keyof TitleValues];
  return value.replace(PLACEHOLDER, (_, name: string) => String(values[name as keyof TitleValues]));
}

/** The sheet layout a parsed template gives for one export: its columns checked against the type. */
export function templateLayout(
  template: ParsedTemplate,
  definition: TypeDefinition,
  locale: Locale,
  typeOf: (name: string) => FieldType | undefined,
  values: TitleValues,
): SheetLayout {
  let columns;
  try {
    columns = resolveColumns(definition, template.dataRow.columns.map((c) => c.key), locale, typeOf);
  } catch (error) {
    throw new TemplateError(`Template data row: ${(error as Error).message}`);
  }
  return {
    sheetName: template.sheetName,
    columns,
    titleRows: template.titleRows.map((row) => ({
      number: row.number,
      height: row.height,
      cells: row.cells.map((cell) => ({ column: cell.column, value: fillTitle(cell.value, cell.address, values), style: cell.style })),
    })),
    merges: template.merges,
    widths: template.widths,
    dataStyles: template.dataRow.columns.map((c) => c.style),
    dataHeight: template.dataRow.height,
    firstDataRow: template.dataRow.number,
    images: template.images,
  };
}
