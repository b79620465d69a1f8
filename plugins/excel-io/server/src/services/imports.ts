import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { accessService, InvalidError, type Actor } from 'strapi-plugin-access';
import type { ExcelIoConfig } from '../config';
import { IMPORTS_PATH } from '../constants';
import { ticketingService, type Locale } from '../clients/ticketing-plugin';
import { cellText } from '../reading/cell-value';
import { RowChecker } from '../rows/row-checker';
import { skipKind } from '../rows/row-kind';
import { planOptions, type ImportPlan } from './plans';
import { getService } from '../utils/get-service';

/** A file of a multipart request as Strapi's body parser (formidable) leaves it on disk. */
export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

const PREVIEW_ROWS = 20;
const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The column → field choices of a plan as the report shows them: by header text. */
export function mappingOf(plan: Pick<ImportPlan, 'columns'>) {
  const mapping: Record<string, string | null> = {};
  const mappingScores: Record<string, number> = {};
  for (const column of plan.columns) {
    // a header text twice (two `备注` columns): the one that feeds a field speaks for it
    if (!column.header.trim() || mapping[column.header]) continue;
    mapping[column.header] = column.field;
    mappingScores[column.header] = column.score;
  }
  return { mapping, mappingScores };
}

/** Starting imports and previewing them: everything a request does before a worker takes over. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::excel-io') as ExcelIoConfig;

  /** The upload of field `file`: 400 without one, 413 over the size limit. */
  function uploaded(file: UploadedFile | UploadedFile[] | undefined): UploadedFile & { name: string } {
    if (Array.isArray(file)) throw new InvalidError('Send one file in the multipart field "file"');
    if (!file) throw new InvalidError('A spreadsheet is required in the multipart field "file" (.xlsx or .csv)');
    if (file.size > config().maxBytes) {
      throw new errors.PayloadTooLargeError(`The file is ${file.size} bytes; at most ${config().maxBytes} bytes are accepted`);
    }
    // the shown name only: never part of a storage key
    const name = [...path.basename(String(file.originalFilename ?? 'upload'))].filter((c) => c >= ' ' && c !== '\\').join('') || 'upload';
    return { ...file, name };
  }

  /** The upload, checked as above and then by the virus scanner (when one is configured), before it is parsed or stored. */
  async function accepted(file: UploadedFile | UploadedFile[] | undefined, actor: Actor, requestId: string | null | undefined, target: string) {
    const upload = uploaded(file);
    await accessService(strapi, 'virus-scan').check([{ name: upload.name, path: upload.filepath }], { actor, requestId, target });
    return upload;
  }

  /** What a plan says about itself: type, sheet, header row, every column with its field and score. */
  function describe(plan: ImportPlan) {
    const mapped = new Set(plan.columns.map((c) => c.field).filter(Boolean));
    return {
      format: plan.spreadsheet.format,
      encoding: plan.spreadsheet.encoding,
      ticketType: plan.definition.key,
      typeVersion: plan.definition.version,
      fit: plan.fit,
      candidates: plan.candidates,
      sheet: plan.sheet,
      sheets: plan.sheets,
      headerRow: plan.headerRow,
      columns: plan.columns,
      ...mappingOf(plan),
      requiredUnmapped: plan.definition.fields.filter((f) => f.required && !mapped.has(f.key)).map((f) => f.key),
      savedMapping: plan.savedMapping,
      estimatedRows: Math.max(0, plan.spreadsheet.estimatedRows(plan.sheet ?? '') - plan.headerRow),
    };
  }

  /** The first rows below the header, each checked as the import would. */
  function previewRows(plan: ImportPlan, locale: Locale) {
    const fieldTypes = ticketingService(strapi, 'field-types');
    const bulk = ticketingService(strapi, 'ticket-bulk');
    const fields = plan.columns.map((c) => c.field);
    const checker = new RowChecker(
      plan.definition,
      fields,
      {
        check: (field, value, l) => fieldTypes.check(field, value, l),
        validateNew: (input, source, l, ctx) => bulk.validateNew(input, source, l, ctx),
      },
      fieldTypes.parseContext(),
    );
    const mapped = fields.flatMap((f, i) => (f === null ? [] : [i]));
    return plan.head.rows
      .filter((r) => r.number > plan.headerRow)
      .slice(0, PREVIEW_ROWS)
      .map((r) => {
        const cells = plan.columns.map((c) => cellText(r.cells[c.index] ?? null));
        const skip = skipKind(r.cells, mapped);
        if (skip) return { row: r.number, cells, status: 'skipped', kind: skip, errors: [], data: {} };
        const verdict = checker.check(r.cells);
        return verdict.ok
          ? { row: r.number, cells, status: 'valid', errors: [], data: verdict.form }
          : { row: r.number, cells, status: 'rejected', errors: verdict.errors.map((e) => ({ field: e.field, message: e.message[locale] })), data: verdict.data };
      });
  }

  return {
    /**
     * What an import of this file would do, without storing anything: the detected type, sheet
     * and header row, every column's field with its score, and the first rows checked.
     */
    async preview(file: UploadedFile | UploadedFile[] | undefined, body: Record<string, unknown>, locale: Locale, actor: Actor, requestId?: string | null) {
      const upload = await accepted(file, actor, requestId, 'import preview');
      const plan = await getService(strapi, 'plans').plan(upload.filepath, upload.name, planOptions(body), actor.role);
      return { fileName: upload.name, size: upload.size, ...describe(plan), rows: previewRows(plan, locale) };
    },

    /** Plans the import, stores the file under imports/…, and queues the job (202 with its record). */
    async start(file: UploadedFile | UploadedFile[] | undefined, body: Record<string, unknown>, actor: Actor, requestId?: string | null) {
      const upload = await accepted(file, actor, requestId, 'import');
      const options = planOptions(body);
      const plan = await getService(strapi, 'plans').plan(upload.filepath, upload.name, options, actor.role);
      const described = describe(plan);
      const format = plan.spreadsheet.format;
      const bytes = await fs.readFile(upload.filepath);
      const object = await ticketingService(strapi, 'storage').put(
        { path: IMPORTS_PATH, hash: randomUUID(), ext: `.${format}`, mime: MIME[format], size: bytes.length },
        bytes,
      );
      if (options.saveMapping) {
        await getService(strapi, 'mappings').save(
          { ticketType: plan.definition.key, headers: plan.columns.map((c) => c.header), mapping: described.mapping },
          plan.definition.fields.map((f) => f.key),
          actor,
        );
      }
      return getService(strapi, 'import-jobs').add(
        {
          object,
          fileName: upload.name,
          format,
          encoding: plan.spreadsheet.encoding,
          ticketType: plan.definition.key,
          typeVersion: plan.definition.version,
          fit: plan.fit,
          sheet: plan.sheet,
          headerRow: plan.headerRow,
          headers: plan.columns.map((c) => c.header),
          fields: plan.columns.map((c) => c.field),
          scores: plan.columns.map((c) => c.score),
          savedMapping: plan.savedMapping,
          dryRun: options.dryRun,
          estimatedRows: described.estimatedRows,
          actor: { kind: actor.kind, id: actor.id, name: actor.name, role: actor.role, userId: actor.userId },
        },
        actor.userId,
      );
    },
  };
};
