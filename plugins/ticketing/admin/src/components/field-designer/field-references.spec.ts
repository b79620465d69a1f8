import { renameField } from './field-references';
import type { FieldDefinition } from './types';

const label = { 'zh-CN': 'x', en: 'x' };

describe('renameField', () => {
  const fields: FieldDefinition[] = [
    { key: 'start', type: 'date', label },
    { key: 'end', type: 'date', label, after: 'start', visibleWhen: { any: [{ field: 'start', empty: false }, { all: [{ field: 'kind', equals: 'a' }] }] } },
    { key: 'kind', type: 'string', label, requiredWhen: { field: 'start', min: '2026-01-01' } },
  ];

  it('moves the conditions and after rules that named the old key to the new one', () => {
    const renamed = renameField(
      fields.map((f) => (f.key === 'start' ? { ...f, key: 'begin' } : f)),
      'start',
      'begin',
    );
    expect(renamed[1]).toEqual({ ...fields[1], after: 'begin', visibleWhen: { any: [{ field: 'begin', empty: false }, { all: [{ field: 'kind', equals: 'a' }] }] } });
    expect(renamed[2].requiredWhen).toEqual({ field: 'begin', min: '2026-01-01' });
  });

  it('leaves fields that name other keys as they were', () => {
    expect(renameField(fields, 'other', 'else')).toEqual(fields);
  });
});
