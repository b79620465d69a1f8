import { LabelMatcher } from './label-matcher';
import { readLine, type LineReaderContext } from './line-pairs';
import { builtinParse, seedFields } from './spec-support';
import type { FieldDefinition } from '../../../../ticketing/server/src/field-types/types';

function context(typeKey: string): LineReaderContext<FieldDefinition> {
  return {
    matcher: new LabelMatcher(seedFields(typeKey)),
    parses: (field, raw) => {
      const result = builtinParse(field, raw);
      return result.ok && result.value !== null;
    },
    isFreeText: (field) => field.type === 'string' || field.type === 'text',
  };
}

const bsFault = context('bs-fault');
const survey = context('site-survey');
const pairsOf = (text: string, ctx = bsFault): [string, string, string][] =>
  readLine(text, ctx).pairs.map((p) => [p.match.field.key, p.raw, p.separator]);
const labelsOf = (text: string, ctx = bsFault): string[] => readLine(text, ctx).labels.map((l) => l.match.field.key);

describe('readLine: one pair', () => {
  it.each([
    ['站点名称：南京湖南路西5G宏站', 'site_name', '南京湖南路西5G宏站', 'colon'],
    ['站点名称: 南京湖南路西5G宏站', 'site_name', '南京湖南路西5G宏站', 'colon'],
    ['站点名称 南京湖南路西5G宏站', 'site_name', '南京湖南路西5G宏站', 'space'],
    ['站点名称南京湖南路西5G宏站', 'site_name', '南京湖南路西5G宏站', 'none'],
    ['Site name 成都高新金融城NR站', 'site_name', '成都高新金融城NR站', 'space'],
    ['Sitename成都高新金融城NR站', 'site_name', '成都高新金融城NR站', 'none'],
    ['gNodeBID263694', 'gnb_id', '263694', 'none'],
    ['Contact phone 13686987140', 'reporter_phone', '13686987140', 'space'],
    ['发生时间 2026年2月4日 10:03', 'occurred_at', '2026年2月4日 10:03', 'space'],
    ['Occurred at:2027-09-15T14:34:01', 'occurred_at', '2027-09-15T14:34:01', 'colon'],
    ['lat 22.68159', 'latitude', '22.68159', 'space'],
    ['1. 故障类型：干扰', 'fault_type', '干扰', 'colon'],
    ['• 频段 - n78', 'band', 'n78', 'space'],
    ['Description: 基站脱管，OMC无法连接', 'description', '基站脱管，OMC无法连接', 'colon'],
    ['Severityminor', 'severity', 'minor', 'none'],
    ['DescriptionGPS失锁导致时钟告警', 'description', 'GPS失锁导致时钟告警', 'none'],
    ['Site nane: 北京望京东宏站', 'site_name', '北京望京东宏站', 'colon'],
  ])('%j', (text, key, raw, separator) => {
    expect(pairsOf(text)).toEqual([[key, raw, separator]]);
  });

  it.each([
    ['Bandn3', 'band', 'n3'],
    ['NR band n79', 'band', 'n79'],
    ['NR bandn3', 'band', 'n3'],
    ['Site namx 雁塔小寨12号宏站', 'site_name', '雁塔小寨12号宏站'],
    ['Site namx雁塔小寨12号宏站', 'site_name', '雁塔小寨12号宏站'],
    ['Sxte name渝北两路8号5G宏站', 'site_name', '渝北两路8号5G宏站'],
    ['remarks BBU光模块告警', 'description', 'BBU光模块告警'],
  ])('finds where the label ends when OCR glued or garbled it: %j', (text, key, raw) => {
    expect(pairsOf(text).map(([k, r]) => [k, r])).toEqual([[key, raw]]);
  });

  it('prefers a longer glued label when the short one leaves a value that does not parse', () => {
    expect(pairsOf('Power supplysolar', survey).map(([k, r]) => [k, r])).toEqual([['power_supply', 'solar']]);
  });

  it('takes no label when the printed one runs on to the colon (another field)', () => {
    expect(pairsOf('Site ID: 3345')).toEqual([]);
    expect(pairsOf('站点名称编号：NJ-001')).toEqual([]);
    expect(pairsOf('发生时间 2026年2月4日 10:03')).toHaveLength(1);
    expect(pairsOf('站点名称 南京路：东段')).toEqual([['site_name', '南京路：东段', 'space']]);
  });

  it('takes the bracketed unit as part of the label', () => {
    expect(pairsOf('塔高（m）:15.1', survey)).toEqual([['tower_height', '15.1', 'colon']]);
    expect(pairsOf('Tower height (m) 24', survey)).toEqual([['tower_height', '24', 'space']]);
  });

  it('does not cut a Latin word to find a short label in it', () => {
    expect(pairsOf('Latitude 34.422998')).toEqual([['latitude', '34.422998', 'space']]);
    expect(pairsOf('Timeline: 3 days')).toEqual([]);
  });
});

describe('readLine: several pairs in a line', () => {
  it.each([
    ['经度: 113.9 纬度: 22.5', [['longitude', '113.9'], ['latitude', '22.5']]],
    ['经度 121.25486  lat 31.33409', [['longitude', '121.25486'], ['latitude', '31.33409']]],
    ['经度120.011304纬度30.493424', [['longitude', '120.011304'], ['latitude', '30.493424']]],
    ['Longitude: 104.0670, Latitude: 30.5740', [['longitude', '104.0670'], ['latitude', '30.5740']]],
    ['PCI 814  频段 n79', [['pci', '814'], ['band', 'n79']]],
    ['PCI:748NR-ARFCN:372468Band:n3', [['pci', '748'], ['nr_arfcn', '372468'], ['band', 'n3']]],
    ['站点名称：丰台5号宏站  PCI：12', [['site_name', '丰台5号宏站'], ['pci', '12']]],
    ['Site name: 丰台5号宏站 PCI: 12', [['site_name', '丰台5号宏站'], ['pci', '12']]],
  ])('%j', (text, expected) => {
    expect(pairsOf(text).map(([key, raw]) => [key, raw])).toEqual(expected);
  });

  it('does not split free text on a label-like word without firm evidence', () => {
    expect(pairsOf('Description: restart the site later')).toEqual([['description', 'restart the site later', 'colon']]);
    expect(pairsOf('故障描述：用户反映电话无法接通')).toEqual([['description', '用户反映电话无法接通', 'colon']]);
    expect(pairsOf('Description: check phone line')).toEqual([['description', 'check phone line', 'colon']]);
  });

  it('splits free text where the next label has a colon and a valid value', () => {
    expect(pairsOf('备注：已上站 电话：13912345678')).toEqual([
      ['description', '已上站', 'colon'],
      ['reporter_phone', '13912345678', 'colon'],
    ]);
  });

  it('does not give one field two values in a line', () => {
    expect(pairsOf('经度: 113.9 经度: 22.5').map(([key]) => key)).toEqual(['longitude']);
  });
});

describe('readLine: bare labels and other lines', () => {
  it.each(['站点名称', '站点名称：', 'gNodeB标识', 'Site name:', '塔高（m）'])('%j is a bare label', (text) => {
    expect(readLine(text, survey.matcher.exact(text) ? survey : bsFault).labels).toHaveLength(1);
  });

  it('reads a header row printed as one line as several labels', () => {
    expect(labelsOf('站点名称   经度   纬度')).toEqual(['site_name', 'longitude', 'latitude']);
    expect(readLine('站点名称   经度   纬度', bsFault).pairs).toEqual([]);
  });

  it.each([
    '5G网络告警工单',
    '工单编号：GD-20250120-4867',
    '处理人签字：赵秀英',
    'Ticket No. GD-20251226-9917',
    '[2026/06/27 20:52:10] ALARM TRANSMISSION gNB 157321',
    'Please check AAU power supply',
    'RRU link broken, retry 3 times',
    '南京湖南路西5G宏站',
    '小区名称：南京1号小区',
    '恢复时间：2025-01-20 10:00',
  ])('%j holds no pair and no label', (text) => {
    expect(readLine(text, bsFault)).toMatchObject({ pairs: [], labels: [] });
  });
});
