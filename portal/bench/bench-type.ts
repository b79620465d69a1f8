/**
 * The ticket type the form benchmark opens: 60 fields of every common kind, 20 of them with a
 * condition (14 shown under `visibleWhen`, 6 required under `requiredWhen`) on 12 controlling
 * fields — equality, lists, ranges, empty tests and all/any combinations.
 */

type Condition =
  | { field: string; equals: unknown }
  | { field: string; in: unknown[] }
  | { field: string; min?: number; max?: number }
  | { field: string; empty: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

interface BenchField {
  key: string;
  type: string;
  label: { 'zh-CN': string; en: string };
  required?: boolean;
  rules?: Record<string, unknown>;
  visibleWhen?: Condition;
  requiredWhen?: Condition;
}

export const BENCH_TYPE_KEY = 'bench-form-60';
/** The text field the benchmark types into: no condition tests it. */
export const PLAIN_FIELD = 'note_01';
/** A text field that two conditions test (empty or not): typing into it may show or hide fields. */
export const CONTROLLING_FIELD = 'ref_1';

const label = (n: string) => ({ 'zh-CN': `字段 ${n}`, en: `Field ${n}` });
const choice = (value: string) => ({ value, label: { 'zh-CN': `选项 ${value}`, en: `Choice ${value}` } });

/** The 12 fields the conditions test: 6 choices, 3 whole numbers, 3 texts. */
function controllers(): BenchField[] {
  const choices = [1, 2, 3, 4, 5, 6].map((i) => ({
    key: `kind_${i}`,
    type: 'enum',
    label: label(`kind ${i}`),
    rules: { options: ['a', 'b', 'c', 'd'].map(choice) },
  }));
  const numbers = [1, 2, 3].map((i) => ({ key: `level_${i}`, type: 'integer', label: label(`level ${i}`), rules: { minimum: 0, maximum: 100 } }));
  const texts = [1, 2, 3].map((i) => ({ key: `ref_${i}`, type: 'string', label: label(`ref ${i}`), rules: { maxLength: 64 } }));
  return [...choices, ...numbers, ...texts];
}

/** The 20 conditions, each on one or more controllers. */
const CONDITIONS: Condition[] = [
  { field: 'kind_1', equals: 'a' },
  { field: 'kind_1', in: ['b', 'c'] },
  { field: 'kind_2', equals: 'd' },
  { field: 'kind_2', in: ['a', 'b'] },
  { field: 'kind_3', equals: 'c' },
  { field: 'level_1', min: 50 },
  { field: 'level_1', min: 10, max: 20 },
  { field: 'level_2', max: 5 },
  { field: 'ref_1', empty: false },
  { field: 'ref_2', empty: true },
  { all: [{ field: 'kind_4', equals: 'a' }, { field: 'level_3', min: 30 }] },
  { any: [{ field: 'kind_5', equals: 'b' }, { field: 'ref_3', empty: false }] },
  { all: [{ field: 'kind_6', in: ['a', 'c'] }, { any: [{ field: 'level_2', min: 90 }, { field: 'ref_1', empty: false }] }] },
  { field: 'kind_3', in: ['a', 'b', 'd'] },
  // the requiredWhen ones
  { field: 'kind_4', equals: 'b' },
  { field: 'level_3', max: 10 },
  { field: 'kind_5', in: ['c', 'd'] },
  { all: [{ field: 'kind_1', equals: 'a' }, { field: 'kind_2', equals: 'a' }] },
  { any: [{ field: 'level_1', max: 3 }, { field: 'kind_6', equals: 'd' }] },
  { field: 'ref_2', empty: false },
];

const KINDS: [string, Record<string, unknown>][] = [
  ['string', { maxLength: 64 }],
  ['text', { maxLength: 500 }],
  ['integer', { minimum: 0, maximum: 100000 }],
  ['number', { minimum: -1000, maximum: 1000 }],
  ['date', {}],
  ['date-time', {}],
  ['phone', {}],
  ['boolean', {}],
];

/** The 60 fields: the 12 controllers, then 48 others; 14 shown under a condition, 6 required under one. */
export function benchFields(): BenchField[] {
  const others: BenchField[] = Array.from({ length: 48 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const [type, rules] = i < 2 ? ['string', { maxLength: 200 }] : KINDS[i % KINDS.length];
    const key = i < 2 ? `note_${n}` : `f_${n}`;
    return { key, type, label: label(key), ...(Object.keys(rules).length ? { rules } : {}) };
  });
  // the conditional fields are taken from the end, away from the two notes typed into
  others.slice(-20).forEach((field, i) => {
    if (i < 14) field.visibleWhen = CONDITIONS[i];
    else field.requiredWhen = CONDITIONS[i];
  });
  return [...controllers(), ...others];
}

/** The Content Manager body that creates the type. */
export function benchTypeEntry() {
  return {
    key: BENCH_TYPE_KEY,
    nameZh: '表单基准 60 字段',
    nameEn: 'Form benchmark, 60 fields',
    description: '60 fields, 20 conditions: the portal form benchmark',
    active: true,
    fields: benchFields(),
  };
}
