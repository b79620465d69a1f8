import { builtinFieldTypes } from './builtins';
import { FieldDefinitionValidator } from './field-definitions';
import { buildFieldsMetaSchema } from './meta-schema';
import { FieldTypeRegistry } from './registry';
import type { FieldType } from './types';

function registry(...extra: FieldType[]) {
  const r = new FieldTypeRegistry();
  [...builtinFieldTypes, ...extra].forEach((t) => r.register(t));
  return r;
}

const label = { 'zh-CN': '名称', en: 'Name' };
const good = [
  { key: 'site_name', type: 'string', label, required: true, rules: { maxLength: 64 } },
  { key: 'pci', type: 'integer', label, rules: { minimum: 0, maximum: 1007 }, aliases: ['PCI码'], help: { en: '0–1007' } },
];

describe('FieldDefinitionValidator', () => {
  const validator = new FieldDefinitionValidator(registry());

  it('accepts a valid list', () => {
    expect(validator.validate(good)).toEqual([]);
  });

  it('names the field of every problem', () => {
    const issues = validator.validate([
      { key: 'a', type: 'nope', label },
      { key: 'b', type: 'integer', label: { en: 'B' }, rules: { maximum: 'x' } },
      { type: 'string', label },
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'a', path: 'type' }),
        expect.objectContaining({ field: 'b', path: 'label', message: "must have required property 'zh-CN'" }),
        expect.objectContaining({ field: 'b', path: 'rules.maximum', message: 'must be integer' }),
        expect.objectContaining({ field: '#3', message: "must have required property 'key'" }),
      ]),
    );
  });

  it('refuses duplicate keys and rules that contradict each other', () => {
    expect(validator.validate([good[0], good[0]])).toEqual([
      { field: 'site_name', path: 'key', message: 'is used by more than one field' },
    ]);
    const issues = validator.validate([{ ...good[1], rules: { minimum: 5, maximum: 1 } }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'pci', path: 'rules' });
  });

  it('refuses unknown properties and a pattern that does not compile', () => {
    expect(validator.validate([{ ...good[0], colour: 'red' }])).toEqual([
      { field: 'site_name', path: 'colour', message: 'is not allowed here' },
    ]);
    expect(validator.validate([{ ...good[0], rules: { pattern: '([' } }])[0]).toMatchObject({ field: 'site_name', path: 'rules' });
  });

  it('picks up a type registered after it was first used', () => {
    const r = registry();
    const v = new FieldDefinitionValidator(r);
    const field = { key: 'pos', type: 'geo', label, rules: { precision: 3 } };
    expect(v.validate([field])[0]).toMatchObject({ field: 'pos', path: 'type' });
    r.register({ ...builtinFieldTypes[0], name: 'geo', rulesSchema: { type: 'object', additionalProperties: false, properties: { precision: { type: 'integer' } } } });
    expect(v.validate([field])).toEqual([]);
    expect(buildFieldsMetaSchema(r)).toMatchObject({ items: { properties: { type: { enum: expect.arrayContaining(['geo']) } } } });
  });
});

describe('FieldTypeRegistry', () => {
  it('refuses a second type with the same name and a bad name', () => {
    const r = registry();
    expect(() => r.register(builtinFieldTypes[0])).toThrow(/already registered/);
    expect(() => r.register({ ...builtinFieldTypes[0], name: 'Geo Point' })).toThrow(/kebab-case/);
  });
});
