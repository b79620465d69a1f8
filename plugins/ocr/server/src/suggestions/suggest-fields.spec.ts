import type { FieldDefinition } from 'strapi-plugin-ticketing';
import { suggestFields } from './suggest-fields';
import { box, builtinReader, line, seedFields } from './spec-support';
import type { OcrLineInput, Point, Quad, SuggestResult } from './types';

const BS_FAULT = seedFields('bs-fault');
const SURVEY = seedFields('site-survey');

function suggest(lines: OcrLineInput[], fields: FieldDefinition[] = BS_FAULT): SuggestResult<string> {
  return suggestFields({ fields, reader: builtinReader, images: [{ image: 'p1', lines }] });
}

const values = (result: SuggestResult): Record<string, unknown> => Object.fromEntries(result.data.map((d) => [d.field, d.value]));
const leftoverTexts = (result: SuggestResult): string[] => result.meta.leftovers.map((l) => l.text);

/** A form: one line per text, 50 px apart. */
const form = (...texts: string[]): OcrLineInput[] => texts.map((text, i) => line(text, 40, 40 + 50 * i));

/** Rotates a box about the origin by `degrees` (a photo taken slightly askew). */
function tilt(quad: Quad, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  return quad.map(([x, y]): Point => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)]) as Quad;
}

describe('suggestFields: pairs inside a line', () => {
  it('reads label and value on one line, with a space, a colon or a full-width colon', () => {
    const result = suggest(form('站点名称 南京湖南路西5G宏站', 'PCI: 814', '频段：n79', 'gNodeB标识：3583401402'));
    expect(values(result)).toEqual({ site_name: '南京湖南路西5G宏站', gnb_id: 3583401402, pci: 814, band: 'n79' });
    expect(result.meta).toEqual({ unparsed: [], leftovers: [] });
  });

  it('gives each suggestion its raw text, confidence and source', () => {
    const result = suggest([{ text: '频点：660717', confidence: 0.9, box: box(10, 20, 200, 30) }]);
    expect(result.data).toEqual([
      {
        field: 'nr_arfcn',
        value: 660717,
        raw: '660717',
        confidence: 0.9,
        minCharConfidence: null, // the line has no per-character confidences
        unsure: false,
        source: { image: 'p1', lines: [0], box: box(10, 20, 200, 30) },
      },
    ]);
  });

  it('reads several pairs on one line, each with its share of the line box', () => {
    const result = suggest([line('经度: 113.9 纬度: 22.5', 0, 0, 400, 30), line('PCI 814  频段 n79', 0, 50, 300, 30)]);
    expect(values(result)).toEqual({ pci: 814, band: 'n79', longitude: 113.9, latitude: 22.5 });
    const lon = result.data.find((d) => d.field === 'longitude')!;
    const lat = result.data.find((d) => d.field === 'latitude')!;
    expect(lon.source.lines).toEqual([0]);
    expect(lon.source.box[1][0]).toBeLessThanOrEqual(lat.source.box[0][0] + 1);
    expect(lat.source.box[1][0]).toBe(400);
  });

  it('maps an enum Chinese label (or English label) to its token', () => {
    expect(values(suggest(form('严重程度 紧急', '故障类型：小区退服')))).toEqual({ severity: 'critical', fault_type: 'cell_down' });
    expect(values(suggest(form('Fault type: Power alarm')))).toEqual({ fault_type: 'power' });
  });

  it('strips units and degree signs from numbers', () => {
    const result = suggest(form('塔高（m）：24 米', '经度：113.95°', '纬度(°) 22.5', '天线数量 6 副'), SURVEY);
    expect(values(result)).toEqual({ tower_height: 24, longitude: 113.95, latitude: 22.5, antenna_count: 6 });
  });

  it('keeps the minus sign of a negative number after the label', () => {
    const fields: FieldDefinition[] = [{ key: 'offset', type: 'number', label: { 'zh-CN': '偏移', en: 'Offset' }, rules: { minimum: -180 } }];
    expect(values(suggest(form('偏移：-73.25'), fields))).toEqual({ offset: -73.25 });
    expect(values(suggest(form('偏移 -5'), fields))).toEqual({ offset: -5 });
    // a dash between spaces still separates label and value
    expect(values(suggest(form('偏移 - 12'), fields))).toEqual({ offset: 12 });
  });

  it('reads a date-time without offset as Asia/Shanghai wall clock', () => {
    expect(values(suggest(form('发生时间：2026年11月30日 8时15分')))).toEqual({ occurred_at: '2026-11-30T08:15:00+08:00' });
    expect(values(suggest(form('告警时间 2025/01/20 09:13:32')))).toEqual({ occurred_at: '2025-01-20T09:13:32+08:00' });
    expect(values(suggest(form('勘察日期:2025-01-06'), SURVEY))).toEqual({ survey_date: '2025-01-06' });
  });

  it('repairs what OCR typically garbles, at a lower confidence', () => {
    const result = suggest(form('频段：nl', '发生时间：2025/01/2009:13:32'));
    expect(values(result)).toEqual({ band: 'n1', occurred_at: '2025-01-20T09:13:32+08:00' });
    expect(result.data.every((d) => d.confidence < 1)).toBe(true);
  });
});

describe('suggestFields: values that do not parse', () => {
  it('puts a refused value in unparsed, never in data', () => {
    const result = suggest(form('联系电话：12345', '频段：n99', '站点名称：南京1号站'));
    expect(values(result)).toEqual({ site_name: '南京1号站' });
    expect(result.meta.unparsed).toEqual([
      expect.objectContaining({ field: 'band', raw: 'n99', error: expect.any(String), source: expect.objectContaining({ lines: [1] }) }),
      expect.objectContaining({ field: 'reporter_phone', raw: '12345', error: expect.stringMatching(/mobile/) }),
    ]);
    expect(result.meta.leftovers).toEqual([]);
  });

  it('treats a value outside the field rules as unparsed', () => {
    const result = suggest(form('PCI: 3000'));
    expect(result.data).toEqual([]);
    expect(result.meta.unparsed).toEqual([expect.objectContaining({ field: 'pci', raw: '3000', error: expect.stringMatching(/<= 1007/) })]);
  });

  it('prefers a value that parses to a better placed one that does not', () => {
    const result = suggest(form('联系电话：12345', '电话 13812345678'));
    expect(values(result)).toEqual({ reporter_phone: '13812345678' });
    expect(result.meta.unparsed).toEqual([]);
    expect(leftoverTexts(result)).toEqual(['联系电话：12345']);
  });

  it('proposes nothing for a label without value', () => {
    expect(suggest(form('故障描述：'))).toEqual({ data: [], meta: { unparsed: [], leftovers: [{ image: 'p1', line: 0, text: '故障描述：' }] } });
  });
});

describe('suggestFields: layouts', () => {
  it('pairs table cells: label box left of the value box on a slightly tilted row', () => {
    const rows: [string, string][] = [['站点名称', '江汉唐家墩C6室分站'], ['gNodeB标识', '773088'], ['工作频段', 'n41'], ['故障类别', '其他'], ['严重程度', '重要']];
    const lines = rows.flatMap(([label, value], i) => [
      { text: label, confidence: 0.98, box: tilt(box(80, 100 + 44 * i, 90, 24), 2.5) },
      { text: value, confidence: 0.97, box: tilt(box(200, 102 + 44 * i, 20 * value.length, 22), 2.5) },
    ]);
    const result = suggest([line('5G基站故障工单', 300, 20), ...lines]);
    expect(values(result)).toEqual({ site_name: '江汉唐家墩C6室分站', gnb_id: 773088, band: 'n41', fault_type: 'other', severity: 'major' });
    expect(result.data[0]).toMatchObject({ field: 'site_name', source: { image: 'p1', lines: [1, 2] } });
    // The lower OCR confidence of the two cells, times the table-row certainty (less a little misalignment).
    expect(result.data[0].confidence).toBeGreaterThan(0.9);
    expect(result.data[0].confidence).toBeLessThanOrEqual(0.97 * 0.95);
    expect(leftoverTexts(result)).toEqual(['5G基站故障工单']);
  });

  it('takes a value cell that starts with a label word as a value when that reading does not parse', () => {
    const result = suggest([line('故障描述', 40, 40, 80, 30), line('电话无法接通', 200, 40, 120, 30)]);
    expect(values(result)).toEqual({ description: '电话无法接通' });
    expect(result.meta).toEqual({ unparsed: [], leftovers: [] });
    expect(suggest([line('电话无法接通', 200, 40, 120, 30)]).meta.unparsed).toEqual([
      expect.objectContaining({ field: 'reporter_phone', raw: '无法接通' }),
    ]);
  });

  it('pairs a stacked label with the value line under it', () => {
    const result = suggest([line('站点名称：', 40, 40, 100, 30), line('鼓楼湖南路12号室分站', 40, 80, 300, 30), line('联系电话', 40, 140, 80, 30), line('19915263973', 40, 180, 160, 30)]);
    expect(values(result)).toEqual({ site_name: '鼓楼湖南路12号室分站', reporter_phone: '19915263973' });
    expect(result.data.map((d) => d.source.lines)).toEqual([[0, 1], [2, 3]]);
  });

  it('reads a table with a header row and a data row under it', () => {
    const headers = ['站点名称', '经度', '纬度', '塔高（m）'];
    const cells = ['江宁东山11号NR站', '119.023447', '32.153654', '24'];
    const xs = [40, 300, 460, 620];
    const lines = [...headers.map((t, i) => line(t, xs[i], 40, 100, 30)), ...cells.map((t, i) => line(t, xs[i], 90, 140, 30))];
    expect(values(suggest(lines, SURVEY))).toEqual({ site_name: '江宁东山11号NR站', longitude: 119.023447, latitude: 32.153654, tower_height: 24 });
  });

  it('reads a header row that OCR returned as one line', () => {
    const lines = [line('站点名称      经度        纬度', 40, 40, 600, 30), line('江宁东山11号NR站', 40, 90, 220, 30), line('119.023447', 300, 90, 120, 30), line('32.153654', 520, 90, 110, 30)];
    expect(values(suggest(lines, SURVEY))).toEqual({ site_name: '江宁东山11号NR站', longitude: 119.023447, latitude: 32.153654 });
  });
});

describe('suggestFields: noise and competition', () => {
  it('leaves noise lines as leftovers and proposes nothing from them', () => {
    const result = suggest(form('5G网络告警工单', '工单编号：GD-20250120-4867', 'Battery voltage 47.2 V', '[2026/06/27 20:52:10] ALARM TRANSMISSION gNB 157321', '处理人签字：赵秀英', 'PCI: 674'));
    expect(values(result)).toEqual({ pci: 674 });
    expect(leftoverTexts(result)).toEqual(['5G网络告警工单', '工单编号：GD-20250120-4867', 'Battery voltage 47.2 V', '[2026/06/27 20:52:10] ALARM TRANSMISSION gNB 157321', '处理人签字：赵秀英']);
  });

  it('does not take look-alike labels', () => {
    const result = suggest(form('小区名称：南京1号小区', '恢复时间：2025-01-20 10:00', '站点编号：NJ-001'));
    expect(result.data).toEqual([]);
    expect(result.meta.unparsed).toEqual([]);
    expect(leftoverTexts(result)).toHaveLength(3);
  });

  it('keeps one value per field: the better label match and OCR confidence win, the loser is a leftover', () => {
    const lines = [
      { text: '站名 南京湖南路站', confidence: 0.8, box: box(40, 40, 300, 30) },
      { text: '站点名称：南京湖南路西5G宏站', confidence: 0.95, box: box(40, 90, 300, 30) },
    ];
    const result = suggest(lines);
    expect(result.data).toEqual([expect.objectContaining({ field: 'site_name', value: '南京湖南路西5G宏站', source: expect.objectContaining({ lines: [1] }) })]);
    expect(leftoverTexts(result)).toEqual(['站名 南京湖南路站']);
  });

  it('breaks a tie deterministically by reading order', () => {
    const result = suggest(form('PCI: 12', 'PCI: 13'));
    expect(values(result)).toEqual({ pci: 12 });
    expect(values(suggest(form('PCI: 13', 'PCI: 12')))).toEqual({ pci: 13 });
  });

  it('lowers the confidence of a fuzzy label match', () => {
    const [fuzzy] = suggest(form('站点名杯：南京1号站')).data;
    expect(fuzzy).toMatchObject({ field: 'site_name', value: '南京1号站' });
    expect(fuzzy.confidence).toBeLessThan(0.8);
  });
});

describe('suggestFields: several photos', () => {
  it('takes fields from every photo and names the photo in the source', () => {
    const result = suggestFields({
      fields: BS_FAULT,
      reader: builtinReader,
      images: [
        { image: 11, lines: form('站点名称：南京1号站', '5G基站故障工单') },
        { image: 12, lines: form('PCI: 5', '站点名称：南京2号站') },
      ],
    });
    expect(result.data.map((d) => [d.field, d.value, d.source.image])).toEqual([
      ['site_name', '南京1号站', 11],
      ['pci', 5, 12],
    ]);
    expect(result.meta.leftovers).toEqual([
      { image: 11, line: 1, text: '5G基站故障工单' },
      { image: 12, line: 1, text: '站点名称：南京2号站' },
    ]);
  });

  it('still reads a line whose box is unusable, without placing it in the layout', () => {
    const broken = { text: 'PCI: 5', confidence: 1, box: [] as unknown as Quad };
    const result = suggest([broken, line('站点名称', 40, 40, 80, 30), line('南京1号站', 200, 40, 100, 30)]);
    expect(values(result)).toEqual({ site_name: '南京1号站', pci: 5 });
  });

  it('answers empty input with an empty result', () => {
    expect(suggestFields({ fields: BS_FAULT, reader: builtinReader, images: [] })).toEqual({ data: [], meta: { unparsed: [], leftovers: [] } });
    expect(suggestFields({ fields: [], reader: builtinReader, images: [{ image: 'x', lines: form('PCI: 5') }] }).data).toEqual([]);
  });
});
