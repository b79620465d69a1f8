import { describe, expect, it } from 'vitest';
import type { FieldSchema } from '../../../../services/schema-types';
import dayjs from 'dayjs';
import { acceptAll, acceptedValues, editText, isEdited, jobProgress, parseEdit, shownAs, suggestionRows } from './ocr-suggestions';
import type { OcrSuggestion, Quad } from './ocr-types';

const box: Quad = [
  [39, 172],
  [106, 174],
  [106, 194],
  [39, 192],
];
const source = (lines: number[]) => ({ image: 'photo-1', lines, box });
// what the server suggests for dev-004.jpg (an NMS screen), in a zh-CN request
const suggestions: OcrSuggestion[] = [
  { field: 'band', value: 'n1', display: 'n1', raw: 'nl', confidence: 0.9, source: source([5]) },
  { field: 'pci', value: 674, display: '674', raw: '674', confidence: 0.95, source: source([4]) },
  { field: 'gnb_id', value: 263694, display: '263694', raw: '263694', confidence: 0.99, source: source([3]) },
  { field: 'severity', value: 'critical', display: '严重', raw: '严重', confidence: 0.98, source: source([7]) },
  { field: 'occurred_at', value: '2025-01-23T07:50:00+08:00', display: '2025-01-23 07:50', raw: '2025/1/23 7:50', confidence: 0.9, source: source([8]) },
  { field: 'retired_field', value: 'x', raw: 'x', confidence: 0.5, source: source([0]) },
];
const order = ['site_name', 'gnb_id', 'pci', 'band', 'severity', 'occurred_at'];
const labels = { site_name: '站点名称', gnb_id: 'gNodeB ID', pci: 'PCI', band: '频段', severity: '严重程度', occurred_at: '发生时间' };
const severityChoices = [
  { const: 'critical', title: '严重' },
  { const: 'major', title: '主要' },
];
const properties: Record<string, FieldSchema> = {
  gnb_id: { type: 'integer' },
  pci: { type: 'integer', minimum: 0, maximum: 1007 },
  band: { type: 'string', enum: ['n1', 'n41', 'n78'] },
  severity: { type: 'string', oneOf: severityChoices },
  occurred_at: { type: 'string', format: 'date-time' },
  tags: { type: 'array', items: { type: 'string', anyOf: [{ const: 'roof', title: '楼顶' }, { const: 'tower', title: '铁塔' }] } },
  notes: { type: 'array', items: { type: 'string' } },
};
const form = { site_name: '浦东张江基站01', gnb_id: 123456, pci: 613, band: 'n78', severity: 'critical' };

describe('suggestionRows', () => {
  const rows = suggestionRows(suggestions, form, order, labels);

  it("lists the suggestions in the form's order with the field's label, its value now and the one read", () => {
    expect(rows.map((r) => r.field)).toEqual(['gnb_id', 'pci', 'band', 'severity', 'occurred_at']);
    expect(rows[1]).toMatchObject({ field: 'pci', label: 'PCI', current: 613, suggested: 674, display: '674', raw: '674', confidence: 0.95 });
    expect(rows[1].source.lines).toEqual([4]);
  });

  it('marks a field that already holds the suggested value, and leaves out fields the form does not have', () => {
    expect(rows.find((r) => r.field === 'severity')?.same).toBe(true);
    expect(rows.find((r) => r.field === 'pci')?.same).toBe(false);
    expect(rows.some((r) => r.field === 'retired_field')).toBe(false);
  });

  it("shows each value as the server's display of it (a choice's label, a formatted moment), else as plain text", () => {
    expect(rows.find((r) => r.field === 'severity')).toMatchObject({ suggested: 'critical', display: '严重' });
    expect(rows.find((r) => r.field === 'occurred_at')).toMatchObject({ suggested: '2025-01-23T07:50:00+08:00', display: '2025-01-23 07:50' });
    const withoutDisplay = suggestionRows([{ ...suggestions[1], display: undefined }], form, order, labels);
    expect(withoutDisplay[0].display).toBe('674');
  });

  it('falls back to the key when the schema has no title', () => {
    expect(suggestionRows(suggestions, {}, ['pci'], {})[0].label).toBe('pci');
  });
});

describe('accepting and editing', () => {
  const rows = suggestionRows(suggestions, form, order, labels);

  it('sends only the accepted rows, with their canonical values', () => {
    expect(acceptedValues(rows, { pci: { accepted: true }, band: { accepted: true }, gnb_id: { accepted: false } }, properties)).toEqual({
      pci: 674,
      band: 'n1',
    });
    expect(acceptedValues(rows, {}, properties)).toEqual({});
  });

  it('leaves unsure readings out of "accept all", unless the user edited them', () => {
    const unsure = suggestionRows(
      suggestions.map((s) => (s.field === 'band' ? { ...s, minCharConfidence: 0.56, unsure: true } : { ...s, minCharConfidence: 0.99, unsure: false })),
      form,
      order,
      labels,
    );
    expect(unsure.find((r) => r.field === 'band')?.unsure).toBe(true);
    expect(unsure.find((r) => r.field === 'pci')?.unsure).toBe(false);
    const all = acceptAll(unsure, {});
    expect(Object.keys(all).filter((f) => all[f].accepted).sort()).toEqual(['gnb_id', 'occurred_at', 'pci']);
    const edited = acceptAll(unsure, { band: { accepted: false, edited: 'n41' } });
    expect(edited.band).toEqual({ accepted: true, edited: 'n41' });
    // a server that sends no flag (an older one): nothing is unsure
    expect(suggestionRows(suggestions, form, order, labels).some((r) => r.unsure)).toBe(false);
  });

  it('accepts all rows that would change the ticket, keeping edits', () => {
    const all = acceptAll(rows, { gnb_id: { accepted: false, edited: '263695' } });
    expect(Object.keys(all).filter((f) => all[f].accepted).sort()).toEqual(['band', 'gnb_id', 'occurred_at', 'pci']);
    // the edit goes as typed: the server reads a whole number from it as from any input
    expect(acceptedValues(rows, all, properties)).toEqual({ gnb_id: '263695', pci: 674, band: 'n1', occurred_at: '2025-01-23T07:50:00+08:00' });
  });

  it('sends an edited value instead of the suggestion; an edit back to the value as shown is the suggestion', () => {
    const choices = {
      gnb_id: { accepted: true, edited: ' 263700 ' },
      pci: { accepted: true, edited: '674' },
      band: { accepted: true, edited: 'n41' },
      severity: { accepted: true, edited: ' 严重 ' },
      occurred_at: { accepted: true, edited: '2025-01-23 08:05' },
    };
    expect(acceptedValues(rows, choices, properties)).toEqual({
      gnb_id: '263700',
      pci: 674,
      band: 'n41',
      severity: 'critical',
      occurred_at: '2025-01-23 08:05',
    });
    const severity = rows.find((r) => r.field === 'severity')!;
    expect(isEdited(severity, { accepted: true, edited: '严重' })).toBe(false);
    expect(isEdited(severity, { accepted: true, edited: '主要' })).toBe(true);
    expect(isEdited(severity, { accepted: true })).toBe(false);
  });

  it("turns edited text into a value: a choice's token by token or label, list items one by one, null when emptied, else the text", () => {
    expect(parseEdit('主要', properties.severity)).toBe('major');
    expect(parseEdit('MAJOR', properties.severity)).toBe('major');
    expect(parseEdit('楼顶、tower', properties.tags)).toEqual(['roof', 'tower']);
    const withSeparatorInLabel: FieldSchema = { type: 'array', items: { type: 'string', anyOf: [{ const: 'both', title: '传输、电源' }] } };
    expect(parseEdit('传输、电源', withSeparatorInLabel)).toEqual(['both']);
    expect(parseEdit('a, b，c', properties.notes)).toEqual(['a', 'b', 'c']);
    expect(parseEdit('  ', properties.band)).toBeNull();
    expect(parseEdit(' n41 ', properties.band)).toBe('n41');
    expect(parseEdit('4x2', properties.pci)).toBe('4x2'); // the server refuses it on the field
    expect(parseEdit('7', undefined)).toBe('7');
  });

  it('shows an edited value as the form would: the label of the choice it names, a moment in the local format', () => {
    expect(shownAs('major', properties.severity)).toBe('主要');
    expect(shownAs('roof, 铁塔', properties.tags)).toBe('楼顶, 铁塔');
    expect(shownAs('2025-01-23T08:05:00+08:00', properties.occurred_at)).toBe(dayjs('2025-01-23T08:05:00+08:00').format('YYYY-MM-DD HH:mm'));
    expect(shownAs(' 263700 ', properties.gnb_id)).toBe('263700');
    expect(shownAs('', properties.gnb_id)).toBe('—');
  });

  it('shows a value as the text to edit', () => {
    expect(editText(674)).toBe('674');
    expect(editText(['a', 'b'])).toBe('a, b');
    expect(editText(null)).toBe('');
  });
});

describe('jobProgress', () => {
  it('reads a running job as done/total and a percent', () => {
    expect(jobProgress({ status: 'running', progress: { done: 1, total: 4, message: 'photo 1' } })).toEqual({
      done: 1,
      total: 4,
      percent: 25,
      active: true,
      message: 'photo 1',
    });
  });

  it('is full once the job succeeded, empty while queued, and inactive once it ended', () => {
    expect(jobProgress({ status: 'succeeded', progress: null })).toMatchObject({ percent: 100, active: false });
    expect(jobProgress({ status: 'queued', progress: null })).toMatchObject({ percent: 0, active: true, total: 0 });
    expect(jobProgress({ status: 'failed', progress: { done: 1, total: 2 } })).toMatchObject({ percent: 50, active: false });
    expect(jobProgress(undefined)).toMatchObject({ active: false, percent: 0 });
  });
});
