import type { Core } from '@strapi/strapi';
import { ForbiddenError, InvalidError } from 'strapi-plugin-access';
import type { ExcelIoConfig } from '../config';
import { ticketingService, type TypeDefinition } from '../clients/ticketing-plugin';
import { detectLayout } from '../mapping/detect-layout';
import { mapColumns, type HeaderChoices, type MappedColumn } from '../mapping/column-mapping';
import { HEADER_SEARCH_ROWS } from '../mapping/layout';
import { openSpreadsheet, WorkbookRefusedError, type SheetHead, type Spreadsheet } from '../reading/spreadsheet';
import { getService } from '../utils/get-service';

/** What the caller asks for besides the file: all optional. */
export interface PlanOptions {
  ticketType?: string;
  sheet?: string;
  mapping?: HeaderChoices;
}

/** How a file will be imported: where its data is, and which column feeds which field. */
export interface ImportPlan {
  spreadsheet: Spreadsheet;
  definition: TypeDefinition;
  /** How well the headers fit the type (0–1); with the other types looked at when none was named. */
  fit: number;
  candidates: { ticketType: string; fit: number }[];
  /** The sheet's name; null for a CSV. */
  sheet: string | null;
  sheets: { name: string; fit: number; headerRow: number | null }[];
  headerRow: number;
  columns: MappedColumn[];
  savedMapping: string | null;
  /** The first rows of the chosen sheet below the header, for a preview. */
  head: SheetHead;
}

const TYPE_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads the options of a request's multipart fields; a bad value is a 400 naming it. */
export function planOptions(body: Record<string, unknown>): PlanOptions & { dryRun: boolean; saveMapping: boolean } {
  const options: PlanOptions & { dryRun: boolean; saveMapping: boolean } = { dryRun: false, saveMapping: false };
  const { ticketType, sheet, mapping, dryRun, saveMapping } = body;
  if (ticketType !== undefined && ticketType !== '') {
    if (typeof ticketType !== 'string' || !TYPE_KEY.test(ticketType)) throw new InvalidError('ticketType must be the key of a ticket type');
    options.ticketType = ticketType;
  }
  if (sheet !== undefined && sheet !== '') {
    if (typeof sheet !== 'string' || sheet.length > 100) throw new InvalidError('sheet must be a sheet name');
    options.sheet = sheet;
  }
  for (const [name, value] of [['dryRun', dryRun], ['saveMapping', saveMapping]] as const) {
    if (value === undefined || value === '') continue;
    if (value !== true && value !== false && value !== 'true' && value !== 'false') throw new InvalidError(`${name} must be true or false`);
    options[name] = value === true || value === 'true';
  }
  if (mapping !== undefined && mapping !== '') {
    let parsed: unknown = mapping;
    if (typeof mapping === 'string') {
      try {
        parsed = JSON.parse(mapping);
      } catch {
        throw new InvalidError('mapping must be JSON: { "<header text>": "<field key>" | null }');
      }
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => v !== null && typeof v !== 'string')) {
      throw new InvalidError('mapping must be an object { "<header text>": "<field key>" | null }');
    }
    options.mapping = parsed as HeaderChoices;
  }
  return options;
}

/** Finds how a file is to be imported: opening it is where a bad file is refused. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::excel-io') as ExcelIoConfig;

  /** A column mapped to a field the caller may not write is refused, not silently dropped: the file says it sets that field. */
  async function refuseUnwritable(definition: TypeDefinition, columns: MappedColumn[], role: string | null) {
    const unwritable = await ticketingService(strapi, 'field-access').unwritable(definition.key, role);
    const refused = columns.filter((c) => c.field !== null && unwritable.has(c.field));
    if (!refused.length) return;
    const list = refused.map((c) => `column ${c.letter} "${c.header}" → ${c.field}`).join(', ');
    throw new ForbiddenError(`You may not import into ${list}; map these headers to null to leave them out`, {
      columns: refused.map((c) => ({ column: c.letter, header: c.header, field: c.field })),
    });
  }

  async function candidateTypes(ticketType: string | undefined): Promise<TypeDefinition[]> {
    const types = ticketingService(strapi, 'ticket-types');
    const active = await types.listActive();
    if (ticketType !== undefined) {
      if (!active.some((t) => t.key === ticketType)) throw new InvalidError(`Unknown ticket type "${ticketType}"`);
      return [await types.definition(ticketType)];
    }
    return Promise.all(active.map((t) => types.definition(t.key)));
  }

  return {
    /** Opens a local file as a spreadsheet; a file that is not one is a 400 with the reason. */
    async open(path: string, fileName: string): Promise<Spreadsheet> {
      try {
        return await openSpreadsheet(path, fileName, config());
      } catch (error) {
        if (error instanceof WorkbookRefusedError) throw new InvalidError(`Not an importable spreadsheet: ${error.message}`);
        throw error;
      }
    },

    /**
     * The import plan of a file; 400 when no type fits, when two fit alike, or for bad overrides;
     * 403 when a column would fill a field `role` may not write (null: the system).
     */
    async plan(path: string, fileName: string, options: PlanOptions, role: string | null): Promise<ImportPlan> {
      const spreadsheet = await this.open(path, fileName);
      let heads: SheetHead[];
      try {
        heads = await spreadsheet.heads(HEADER_SEARCH_ROWS);
      } catch (error) {
        if (error instanceof WorkbookRefusedError) throw new InvalidError(`Not an importable spreadsheet: ${error.message}`);
        throw error;
      }
      if (options.sheet !== undefined) {
        heads = heads.filter((h) => h.name === options.sheet);
        if (!heads.length) throw new InvalidError(`The file has no sheet "${options.sheet}"`);
      }
      const types = await candidateTypes(options.ticketType);
      const result = detectLayout(heads, types);
      if (!result.ok) {
        const named = result.candidates.map((c) => `${c.ticketType} (${c.fit})`).join(', ');
        const message = result.reason === 'ambiguous'
          ? `The headers fit several ticket types alike: ${named}; choose one with ticketType`
          : options.ticketType
            ? `No header row naming the fields of ${options.ticketType} was found in the first ${HEADER_SEARCH_ROWS} rows`
            : `No ticket type matches the headers (looked at: ${named || 'none'})`;
        throw new InvalidError(message, { reason: result.reason, candidates: result.candidates });
      }
      const { layout } = result;
      const fieldKeys = layout.definition.fields.map((f) => f.key);
      const overrides = options.mapping ?? {};
      const unknown = Object.values(overrides).filter((f) => f !== null && !fieldKeys.includes(f));
      if (unknown.length) throw new InvalidError(`mapping names fields ${layout.definition.key} does not have: ${unknown.join(', ')}`, { fields: unknown });
      const saved = await getService(strapi, 'mappings').find(layout.definition.key, layout.header.headers);
      const columns = mapColumns(layout.header.headers, layout.matcher, overrides, saved?.mapping ?? {});
      await refuseUnwritable(layout.definition, columns, role);
      return {
        spreadsheet,
        definition: layout.definition,
        fit: layout.header.fit,
        candidates: layout.candidates,
        sheet: spreadsheet.format === 'csv' ? null : layout.sheet.name,
        sheets: spreadsheet.format === 'csv' ? [] : layout.sheets,
        headerRow: layout.header.row,
        columns,
        savedMapping: saved?.id ?? null,
        head: layout.sheet,
      };
    },
  };
};
