import type { FieldDefinition, FormResult, Locale, ParseContext, TypeDefinition } from '../clients/ticketing-plugin';
import { cellText, isCellProblem, type CellValue } from '../reading/cell-value';

/** A failing field of a row, with its message in every locale the platform speaks. */
export interface RowError {
  field: string;
  message: Record<Locale, string>;
}

export type RowVerdict = { ok: true; form: Record<string, unknown> } | { ok: false; errors: RowError[]; data: Record<string, string> };

/** What the checker needs of the ticketing plugin: the registry and the form check of a new ticket. */
export interface RowCheckDeps {
  check(field: FieldDefinition, value: unknown, locale: Locale): string | null;
  validateNew(input: unknown, source: TypeDefinition, locale: Locale, ctx: ParseContext): FormResult;
}

const LOCALES: Locale[] = ['en', 'zh-CN'];

/**
 * Checks rows of one ticket type: the row's cells go through the type's form check for a new
 * ticket (each value through its field type's `parse`, then the whole row through the type's
 * JSON Schema — the check a new ticket gets over REST), then each parsed value through the
 * registry's `check` (its rules and the type's own checks). Every value is parsed once. A row
 * with any invalid field is rejected whole, naming every invalid field; messages are made in
 * every locale only for rejected rows.
 */
export class RowChecker {
  private readonly fields: Map<string, FieldDefinition>;

  constructor(
    private readonly definition: TypeDefinition,
    /** Field per column index (null: unmapped). */
    private readonly columns: (string | null)[],
    private readonly deps: RowCheckDeps,
    private readonly ctx: ParseContext,
  ) {
    this.fields = new Map(definition.fields.map((f) => [f.key, f]));
  }

  private errorsIn(cells: CellValue[], locale: Locale): { form: Record<string, unknown>; errors: { field: string; message: string }[] } {
    const input: Record<string, unknown> = {};
    const errors: { field: string; message: string }[] = [];
    this.columns.forEach((key, index) => {
      if (key === null) return;
      const raw = cells[index] ?? null;
      if (raw !== null && isCellProblem(raw)) errors.push({ field: key, message: raw.problem });
      else input[key] = raw;
    });
    const whole = this.deps.validateNew(input, this.definition, locale, this.ctx);
    if (!whole.ok) {
      for (const e of whole.errors) if (!errors.some((x) => x.field === e.field)) errors.push({ field: e.field, message: e.message });
      return { form: {}, errors };
    }
    for (const [key, value] of Object.entries(whole.form)) {
      const problem = this.deps.check(this.fields.get(key) as FieldDefinition, value, locale);
      if (problem) errors.push({ field: key, message: problem });
    }
    return { form: whole.form, errors };
  }

  check(cells: CellValue[]): RowVerdict {
    const first = this.errorsIn(cells, LOCALES[0]);
    if (!first.errors.length) return { ok: true, form: first.form };
    const messages = new Map<string, Record<Locale, string>>();
    for (const e of first.errors) messages.set(e.field, { en: e.message, 'zh-CN': e.message });
    for (const e of this.errorsIn(cells, 'zh-CN').errors) {
      const entry = messages.get(e.field);
      if (entry) entry['zh-CN'] = e.message;
    }
    const data: Record<string, string> = {};
    this.columns.forEach((key, index) => {
      if (key !== null && cells[index] !== null && cells[index] !== undefined) data[key] = cellText(cells[index]);
    });
    return { ok: false, errors: [...messages].map(([field, message]) => ({ field, message })), data };
  }
}
