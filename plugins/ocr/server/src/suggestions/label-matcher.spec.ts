import { allowedEdits, LabelMatcher } from './label-matcher';
import { seedFields } from './spec-support';

const bsFault = new LabelMatcher(seedFields('bs-fault'));
const survey = new LabelMatcher(seedFields('site-survey'));
const keyOf = (m: { field: { key: string } } | null): string | null => m?.field.key ?? null;

describe('LabelMatcher.exact', () => {
  it.each([
    ['站点名称', 'site_name'],
    ['Site name', 'site_name'],
    ['site_name', 'site_name'],
    ['基站名', 'site_name'],
    ['SITE', 'site_name'],
    ['gNB ID', 'gnb_id'],
    ['gNodeB标识', 'gnb_id'],
    ['PCI码', 'pci'],
    ['物理小区ID', 'pci'],
    ['NR-ARFCN', 'nr_arfcn'],
    ['ＡＲＦＣＮ', 'nr_arfcn'],
    ['NR band', 'band'],
    ['故障级别', 'severity'],
    ['故障类别', 'fault_type'],
    ['告警时间', 'occurred_at'],
    ['经度(°)', 'longitude'],
    ['北纬', 'latitude'],
    ['联系方式：', 'reporter_phone'],
    ['备注', 'description'],
  ])('bs-fault %j → %s', (text, key) => {
    const match = bsFault.exact(text);
    expect(keyOf(match)).toBe(key);
    expect(match?.quality).toBe(1);
  });

  it.each([
    ['塔高（m）', 'tower_height'],
    ['Tower height (m)', 'tower_height'],
    ['Tower height', 'tower_height'],
    ['Height [m]', 'tower_height'],
    ['站址', 'address'],
    ['供电类型', 'power_supply'],
    ['Antennas', 'antenna_count'],
  ])('site-survey %j → %s', (text, key) => {
    expect(keyOf(survey.exact(text))).toBe(key);
  });

  it('matches OCR look-alike glyphs at a slightly lower quality', () => {
    const match = bsFault.exact('PCl');
    expect(keyOf(match)).toBe('pci');
    expect(match?.kind).toBe('folded');
    expect(match?.quality).toBeLessThan(1);
  });

  it('does not take a word that merely contains a label', () => {
    expect(bsFault.exact('站点名称备注')).toBeNull();
    expect(bsFault.exact('工单编号')).toBeNull();
  });

  it('leaves a text two fields share at the same rank to neither, and prefers a label to an alias', () => {
    const fields = [
      { key: 'a', type: 'string', label: { 'zh-CN': '名称', en: 'Name' }, aliases: ['标题'] },
      { key: 'b', type: 'string', label: { 'zh-CN': '标题', en: 'Title' }, aliases: ['别名'] },
      { key: 'c', type: 'string', label: { 'zh-CN': '昵称', en: 'Nick' }, aliases: ['别名'] },
    ];
    const matcher = new LabelMatcher(fields);
    expect(keyOf(matcher.exact('标题'))).toBe('b');
    expect(matcher.exact('别名')).toBeNull();
  });
});

describe('LabelMatcher.fuzzy', () => {
  it('allows one edit per three characters beyond the first', () => {
    expect([3, 4, 6, 7, 10].map(allowedEdits)).toEqual([0, 1, 1, 2, 3]);
  });

  it.each([
    ['站点名杯', 'site_name'],
    ['联系人电话', 'reporter_phone'],
    ['Site nane', 'site_name'],
    ['Contact phome', 'reporter_phone'],
    ['Occured at', 'occurred_at'],
  ])('takes the misread %j as %s', (text, key) => {
    const match = bsFault.fuzzy(text);
    expect(keyOf(match)).toBe(key);
    expect(match?.kind).toBe('fuzzy');
    expect(match?.quality).toBeLessThan(0.95);
  });

  it.each(['小区名称', '恢复时间', '站点编号', '处理人签字', '工单编号', '小区标识', 'Site ID', 'Cell name'])(
    'does not take the look-alike %j',
    (text) => {
      expect(bsFault.match(text)).toBeNull();
    },
  );

  it('does not guess on short texts', () => {
    expect(bsFault.fuzzy('lot')).toBeNull();
    expect(bsFault.fuzzy('纬距')).toBeNull();
  });

  it('gives up when two fields are equally close', () => {
    // 故障级别 (severity) and 故障类别 (fault_type) differ in one character, like 故障极别 from each.
    expect(bsFault.fuzzy('故障极别')).toBeNull();
  });

  it('never takes an exact label of one field for a near neighbour of another', () => {
    // 故障类别 is fault_type's alias and one character from severity's 故障级别.
    expect(bsFault.fuzzy('故障类别')).toBeNull();
  });

  it('match tries exact first', () => {
    expect(bsFault.match('Site name')?.kind).toBe('exact');
    expect(bsFault.match('Site nane')?.kind).toBe('fuzzy');
  });
});
