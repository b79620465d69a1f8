// Mapping quality (issue 9 point 3): the truth lines of the 30 dev images, fed to the suggester
// as if OCR had read them perfectly, against the truth key/value pairs.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { FieldDefinition } from '../../../../ticketing/server/src/field-types/types';
import { suggestFields } from './suggest-fields';
import { builtinParse, builtinReader, seedFields } from './spec-support';
import type { OcrLineInput, Quad } from './types';

const FIXTURES = path.resolve(__dirname, '../../../test-fixtures/ocr-dev');
// What the repo's ocr-service read on the same 30 photos (see test-fixtures/README.md).
const PREDICTED = path.resolve(__dirname, '../../../test-fixtures/ocr-dev-predicted.json');

interface TruthFile {
  image: string;
  ticket_type: string;
  lines: { text: string; box: Quad }[];
  kv: Record<string, string>;
}

interface Score {
  right: number;
  wrong: number;
  missed: number;
  truthPairs: number;
  details: string[];
}

const truthFiles: TruthFile[] = fs
  .readdirSync(FIXTURES)
  .filter((name) => /^dev-\d+\.json$/.test(name))
  .sort()
  .map((name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as TruthFile);

const fieldsByType = new Map<string, FieldDefinition[]>();
const fieldsOf = (typeKey: string): FieldDefinition[] => {
  if (!fieldsByType.has(typeKey)) fieldsByType.set(typeKey, seedFields(typeKey));
  return fieldsByType.get(typeKey)!;
};

/** Right = the canonical value of the truth string; wrong = another value, or a field the truth lacks. */
function score(linesOf: (truth: TruthFile) => OcrLineInput[]): Score {
  const result: Score = { right: 0, wrong: 0, missed: 0, truthPairs: 0, details: [] };
  for (const truth of truthFiles) {
    const fields = fieldsOf(truth.ticket_type);
    const { data } = suggestFields({ fields, reader: builtinReader, images: [{ image: truth.image, lines: linesOf(truth) }] });
    const proposed = new Map(data.map((d) => [d.field, d]));
    for (const [key, printed] of Object.entries(truth.kv)) {
      result.truthPairs++;
      const expected = builtinParse(fields.find((f) => f.key === key)!, printed);
      const got = proposed.get(key);
      if (!got) {
        result.missed++;
        result.details.push(`${truth.image} missed ${key} = ${JSON.stringify(printed)}`);
      } else if (expected.ok && isDeepStrictEqual(got.value, expected.value)) {
        result.right++;
      } else {
        result.wrong++;
        result.details.push(`${truth.image} wrong ${key}: ${JSON.stringify(got.value)} for ${JSON.stringify(printed)}`);
      }
    }
    for (const d of data.filter((d) => !(d.field in truth.kv))) {
      result.wrong++;
      result.details.push(`${truth.image} wrong ${d.field}: ${JSON.stringify(d.value)} where the truth has none`);
    }
  }
  return result;
}

function report(title: string, s: Score): void {
  const pct = (n: number): string => `${((100 * n) / s.truthPairs).toFixed(1)} %`;
  process.stdout.write(
    `\nOCR suggestion quality — ${title}: ${s.truthPairs} truth pairs in ${truthFiles.length} images\n` +
      `  right ${s.right} (${pct(s.right)})  wrong ${s.wrong} (${pct(s.wrong)})  missed ${s.missed} (${pct(s.missed)})\n` +
      s.details.map((d) => `  - ${d}\n`).join(''),
  );
}

describe('suggestion quality on the 30 dev images', () => {
  it('has the dev set', () => {
    expect(truthFiles).toHaveLength(30);
  });

  it('proposes ≥ 98 % of the truth pairs with the canonical value and ≤ 1 % wrongly (truth lines)', () => {
    const s = score((truth) => truth.lines.map((l) => ({ text: l.text, confidence: 1, box: l.box })));
    report('truth lines', s);
    expect(s.right / s.truthPairs).toBeGreaterThanOrEqual(0.98);
    expect(s.wrong / s.truthPairs).toBeLessThanOrEqual(0.01);
  });

  it('reaches the end-to-end goal (≥ 95 % right, ≤ 2 % wrong) on what the OCR service read', () => {
    const predicted = JSON.parse(fs.readFileSync(PREDICTED, 'utf8')) as Record<string, { lines: OcrLineInput[] }>;
    const s = score((truth) => predicted[truth.image].lines);
    report('ocr-service output (snapshot)', s);
    expect(s.right / s.truthPairs).toBeGreaterThanOrEqual(0.95);
    expect(s.wrong / s.truthPairs).toBeLessThanOrEqual(0.02);
  });

  it('holds up when OCR drops the spaces inside lines (as PP-OCR often does)', () => {
    const s = score((truth) => truth.lines.map((l) => ({ text: l.text.replace(/\s+/g, ''), confidence: 1, box: l.box })));
    report('truth lines without spaces', s);
    expect(s.right / s.truthPairs).toBeGreaterThanOrEqual(0.95);
    expect(s.wrong / s.truthPairs).toBeLessThanOrEqual(0.01);
  });
});
