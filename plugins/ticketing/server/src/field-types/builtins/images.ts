import { valueKinds } from '../value-kinds';
import type { FieldType } from '../types';
import { checkOrder, numberRule, rulesObjectSchema } from './field-rules';
import { isBlank, normalizeText, quoteInput } from './loose-text';
import { fail, ok } from './parse-result';

/** The most photos one field may hold, and the limit when a field sets none. */
export const MAX_IMAGES = 100;

/** Photos, stored as a list of photo ids; formatted as those ids, which `parse` reads back (export → edit → import keeps them). */
export const imagesFieldType: FieldType<string[]> = {
  name: 'images',
  label: { 'zh-CN': '图片', en: 'Images' },
  rulesSchema: rulesObjectSchema({
    minItems: { type: 'integer', minimum: 0, maximum: MAX_IMAGES },
    maxItems: { type: 'integer', minimum: 1, maximum: MAX_IMAGES },
  }),
  checkRules: (rules) => checkOrder(rules, 'minItems', 'maxItems'),
  schema: (field) => {
    const minItems = numberRule(field.rules, 'minItems');
    return {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string' },
      maxItems: numberRule(field.rules, 'maxItems') ?? MAX_IMAGES,
      ...(minItems === undefined ? {} : { minItems }),
    };
  },
  // The portal registers an `images` field that uploads and previews photos.
  uiSchema: () => ({ 'ui:field': 'images' }),
  parse: (input) => {
    if (isBlank(input)) return ok(null);
    const items = typeof input === 'string' ? normalizeText(input).split(',') : input;
    if (!Array.isArray(items)) return fail(`not a list of image ids: ${quoteInput(input)}`);
    const ids: string[] = [];
    for (const item of items) {
      const id = typeof item === 'string' ? normalizeText(item) : '';
      if (id === '') return fail(`not an image id: ${quoteInput(item)}`);
      if (!ids.includes(id)) ids.push(id);
    }
    return ok(ids.length > 0 ? ids : null);
  },
  format: (value) => (Array.isArray(value) && value.length > 0 ? value.join(', ') : null),
  valueKind: valueKinds.list,
  filterInput: null,
  freeText: false,
  examples: { rules: { maxItems: 2 }, values: [['photo-1'], ['photo-2', 'photo-3']], invalid: ['a', 'b', 'c'] },
};
