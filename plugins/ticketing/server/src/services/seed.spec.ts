import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinFieldTypes } from '../field-types/builtins';
import { FieldDefinitionValidator, FieldTypeRegistry } from '../field-types';
import { readSeedFile } from './seed';

const registry = new FieldTypeRegistry();
builtinFieldTypes.forEach((t) => registry.register(t));
const validator = new FieldDefinitionValidator(registry);
const validate = (f: unknown) => validator.validate(f);
const repoConfig = path.resolve(__dirname, '../../../../../config/ticket-types');

function write(name: string, text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('readSeedFile', () => {
  it('reads both shipped seed types', () => {
    const bs = readSeedFile(path.join(repoConfig, 'bs-fault.yaml'), validate);
    const survey = readSeedFile(path.join(repoConfig, 'site-survey.yaml'), validate);
    expect(bs.fields.map((f) => f.key)).toEqual([
      'site_name', 'gnb_id', 'pci', 'nr_arfcn', 'band', 'fault_type', 'severity',
      'occurred_at', 'longitude', 'latitude', 'reporter_phone', 'description',
    ]);
    expect(survey.fields.map((f) => f.key)).toEqual([
      'site_name', 'address', 'longitude', 'latitude', 'tower_height', 'antenna_count',
      'power_supply', 'survey_date', 'surveyor', 'photos',
    ]);
    expect(bs.fields.find((f) => f.key === 'severity')?.aliases).toEqual(['级别', '故障级别', '优先级', 'priority', 'level']);
  });

  it('names the file and the field of a type error', () => {
    const file = write('broken.yaml', [
      'key: broken',
      'name: { zh-CN: 坏, en: Broken }',
      'fields:',
      '  - { key: pci, type: integer, label: { zh-CN: P, en: P }, required: "yes" }',
    ].join('\n'));
    expect(() => readSeedFile(file, validate)).toThrow(/broken\.yaml: field "pci" required must be boolean/);
  });

  it('names the file of unparsable YAML and of a missing name', () => {
    expect(() => readSeedFile(write('bad.yaml', 'key: [unclosed'), validate)).toThrow(/bad\.yaml: not valid YAML/);
    expect(() => readSeedFile(write('nameless.yaml', 'key: x\nfields: []'), validate)).toThrow(/nameless\.yaml: .*'name'/);
  });
});
