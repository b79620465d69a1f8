import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { FieldDefinition } from '../clients/ticketing-plugin';
import { HeaderMatcher } from './header-matcher';
import { mapColumns } from './column-mapping';
import { normalizeHeader } from './normalize-header';

const seedFields = (key: string): FieldDefinition[] =>
  parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', '..', 'config', 'ticket-types', `${key}.yaml`), 'utf8')).fields;

const bsFault = new HeaderMatcher(seedFields('bs-fault'));
const siteSurvey = new HeaderMatcher(seedFields('site-survey'));

describe('normalizeHeader', () => {
  it.each([
    ['  *Tower height (m) ', 'towerheight'],
    ['铁塔高度 （m）', '铁塔高度'],
    ['经度【°】', '经度'],
    ['Height [m]', 'height'],
    ['联系\n电话', '联系电话'],
    ['ＰＣＩ', 'pci'],
    ['故障级别*', '故障级别'],
    ['fault_type', 'faulttype'],
    ['(m)', 'm'],
  ])('%j → %j', (header, normalized) => expect(normalizeHeader(header)).toBe(normalized));
});

describe('HeaderMatcher', () => {
  it.each([
    ['站点名称', 'site_name', 'exact'],
    ['Site name', 'site_name', 'exact'],
    ['site_name', 'site_name', 'exact'],
    ['基站名称', 'site_name', 'alias'],
    ['物理小区ID*', 'pci', 'alias'],
    [' lon （°）', 'longitude', 'alias'],
    ['CONTACT PHONE', 'reporter_phone', 'exact'],
    ['Gnodeb Id', 'gnb_id', 'exact'],
  ])('names: %j → %s (%s)', (header, field, kind) => {
    expect(bsFault.match(header)).toMatchObject({ field, kind });
  });

  it.each([
    ['Lattitude', 'latitude'],
    ['latitdue（°）', 'latitude'],
    ['longtitude（°）', 'longitude'],
    ['Desciption', 'description'],
    [' Severty  ', 'severity'],
    ['Occured  At', 'occurred_at'],
  ])('typos map: %j → %s, with a score below a named match', (header, field) => {
    const match = bsFault.match(header);
    expect(match).toMatchObject({ field, kind: 'fuzzy' });
    expect(match?.score).toBeLessThan(0.95);
    expect(match?.score).toBeGreaterThan(0.5);
  });

  it.each([
    ['故障发生时间', 'occurred_at'],
    ['Fault description', 'description'],
    ['站点经度', 'longitude'],
    ['基站名称(必填)', 'site_name'],
    ['告警级别', 'severity'],
  ])('a whole name with a qualifier maps: %j → %s', (header, field) => {
    expect(bsFault.match(header)).toMatchObject({ field, kind: expect.stringMatching(/qualified|alias|exact/) });
  });

  it.each(['小区名称', '恢复时间', '备注2', '区县', '厂家', '工单号', '序号', '网格', '结束时间', '小区ID', '站点编号', 'Recovery time', 'Site type', '故障恢复时间'])(
    'look-alikes and strangers stay unmapped: %j',
    (header) => expect(bsFault.match(header)).toBeNull(),
  );

  it('a header is matched against the type it is read for', () => {
    expect(siteSurvey.match('联系电话')).toBeNull();
    expect(siteSurvey.match('勘察结论')).toBeNull();
    expect(siteSurvey.match('Antennas')).toMatchObject({ field: 'antenna_count' });
  });
});

describe('mapColumns', () => {
  it('gives each field to one column: the named match beats a near spelling; overrides come first', () => {
    const columns = mapColumns(['故障描述', '备注', 'Desciption', '站点名称'], bsFault);
    expect(columns.map((c) => c.field)).toEqual(['description', null, null, 'site_name']);
    expect(columns[1].suggestion).toMatchObject({ field: 'description', kind: 'alias' });

    const overridden = mapColumns(['故障描述', '备注', '站点名称'], bsFault, { 故障描述: null, 备注: 'description' });
    expect(overridden.map((c) => [c.field, c.source])).toEqual([
      [null, 'override'],
      ['description', 'override'],
      ['site_name', 'exact'],
    ]);
  });

  it('applies a saved mapping after the overrides', () => {
    const columns = mapColumns(['小区名称', '站点名称'], bsFault, {}, { 小区名称: 'site_name', 站点名称: null });
    expect(columns.map((c) => [c.field, c.source])).toEqual([
      ['site_name', 'saved'],
      [null, 'saved'],
    ]);
  });
});
