import path from 'node:path';
import { builtinFieldTypes } from '../field-types/builtins';
import { FieldDefinitionValidator, FieldTypeRegistry } from '../field-types';
import { readSeedFile } from '../services/seed';
import { FormValidator } from '../tickets/form-validator';
import { zonedFormatter } from 'strapi-plugin-access';
import { createRandom, demoTicket } from './demo-data';

const registry = new FieldTypeRegistry();
builtinFieldTypes.forEach((t) => registry.register(t));
const fields = new FieldDefinitionValidator(registry);
const seedDir = path.resolve(__dirname, '../../../../../config/ticket-types');
const definition = (key: string) => {
  const seed = readSeedFile(path.join(seedDir, `${key}.yaml`), (f) => fields.validate(f));
  return { key, name: seed.name, fields: seed.fields, version: 1 };
};

describe('demo tickets', () => {
  it('are valid forms of the seed types, already in canonical form', () => {
    const validator = new FormValidator(registry);
    const types = { 'bs-fault': definition('bs-fault'), 'site-survey': definition('site-survey') };
    const random = createRandom(7);
    const format = zonedFormatter('Asia/Shanghai');
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const t = demoTicket(random, Date.UTC(2026, 10, 30), format);
      const result = validator.validate(t.form, types[t.type], 'en', { timeZone: 'Asia/Shanghai' });
      if (!result.ok) throw new Error(`${t.type}: ${JSON.stringify(result.errors)} in ${JSON.stringify(t.form)}`);
      // parse must not have had to change anything: the bulk path stores the form as generated
      expect(result.form).toEqual(t.form);
      seen.add(`${t.type}:${t.state}`);
    }
    expect(seen.size).toBe(12);
  });

  it('are reproducible from the seed', () => {
    const a = demoTicket(createRandom(1), 0, zonedFormatter('UTC'));
    const b = demoTicket(createRandom(1), 0, zonedFormatter('UTC'));
    expect(a).toEqual(b);
  });
});
