import type { EnumOption, FieldDefinition, JsonSchema, Locale, ParseResult } from '../types';
import { LOCALES } from '../types';
import { isBlank, normalizeText, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

/** Option values are stored tokens: plain lower-case words. */
export const OPTION_VALUE_PATTERN = '^[a-z0-9][a-z0-9_-]*$';
// Listing more than this many tokens in an error message helps nobody.
const MAX_LISTED_OPTIONS = 10;

/** JSON Schema of the `options` rule of enum and multi-enum fields. */
export const optionsRuleSchema: JsonSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 500,
  items: {
    type: 'object',
    required: ['value', 'label'],
    additionalProperties: false,
    properties: {
      value: { type: 'string', pattern: OPTION_VALUE_PATTERN, maxLength: 64 },
      label: {
        type: 'object',
        required: [...LOCALES],
        additionalProperties: false,
        properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: 1, maxLength: 200 }])),
      },
    },
  },
};

function isOption(item: unknown): item is EnumOption {
  const option = item as EnumOption | null;
  return typeof option?.value === 'string' && typeof option.label === 'object' && option.label !== null;
}

/** The well-formed options of a field (its `rules.options`). */
export function fieldOptions(field: FieldDefinition): EnumOption[] {
  const options = field.rules?.options;
  if (!Array.isArray(options)) return [];
  let wellFormed = wellFormedOptions.get(options);
  if (!wellFormed) {
    wellFormed = options.filter(isOption);
    wellFormedOptions.set(options, wellFormed);
  }
  return wellFormed;
}

// Per rules list, so that every row of an import reads the same filtered list and name index.
const wellFormedOptions = new WeakMap<unknown[], EnumOption[]>();
const optionsByName = new WeakMap<EnumOption[], Map<string, EnumOption>>();

/** An option's label in `locale`, falling back to the other locales and then to the token. */
export function optionLabel(option: EnumOption, locale: Locale): string {
  return option.label[locale] || LOCALES.map((l) => option.label[l]).find(Boolean) || option.value;
}

/** The form an option name is compared in: NFKC, trimmed, single spaces, lower case. */
function matchKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').toLowerCase();
}

function namesOf(option: EnumOption): string[] {
  return [option.value, ...LOCALES.map((l) => option.label[l]).filter((n) => typeof n === 'string')];
}

/** The option `text` names by token or by a label in any locale (case-insensitive). */
export function matchOption(text: string, options: EnumOption[]): EnumOption | undefined {
  let byName = optionsByName.get(options);
  if (!byName) {
    byName = new Map();
    // the first option to claim a name keeps it, as a search in option order would find it
    for (const option of options) for (const name of namesOf(option)) if (!byName.has(matchKey(name))) byName.set(matchKey(name), option);
    optionsByName.set(options, byName);
  }
  return byName.get(matchKey(text));
}

/** Reads one option token from a token or label (strings; numbers are read as their text). */
export function parseOption(input: unknown, options: EnumOption[]): ParseResult<string> {
  if (isBlank(input)) return ok(null);
  if (typeof input !== 'string' && typeof input !== 'number') return fail(`not an option: ${quoteInput(input)}`);
  const option = matchOption(String(input), options);
  if (option) return ok(option.value);
  const listed = options.length <= MAX_LISTED_OPTIONS ? ` (expected one of: ${options.map((o) => o.value).join(', ')})` : '';
  return fail(`unknown option: ${quoteInput(input)}${listed}`);
}

/** Messages for options that cannot be told apart: a repeated token, or a name shared by two options. */
export function checkOptions(rules: Record<string, unknown>): string[] {
  const options = Array.isArray(rules.options) ? rules.options.filter(isOption) : [];
  const owners = new Map<string, string>();
  const messages: string[] = [];
  const seenValues = new Set<string>();
  for (const option of options) {
    if (seenValues.has(option.value)) messages.push(`option values must be unique: "${option.value}" repeats.`);
    seenValues.add(option.value);
    for (const name of new Set(namesOf(option).map(matchKey))) {
      const owner = owners.get(name);
      if (owner !== undefined && owner !== option.value) {
        messages.push(`options "${owner}" and "${option.value}" share the name "${name}".`);
      }
      owners.set(name, option.value);
    }
  }
  return messages;
}

/** Options of the enum and multi-enum examples. */
export const EXAMPLE_OPTIONS: EnumOption[] = [
  { value: 'critical', label: { 'zh-CN': '紧急', en: 'Critical' } },
  { value: 'major', label: { 'zh-CN': '重要', en: 'Major' } },
  { value: 'minor', label: { 'zh-CN': '一般', en: 'Minor' } },
];
