import { describe, expect, it } from 'vitest';
import { bsFaultSchema } from '../../../test/schemas';
import { filterSpecs } from './field-filters';
import { changeListState, DEFAULT_SORT, parseListState, setFieldFilter, toApiQuery, toSearchParams } from './list-state';

const parse = (query: string) => parseListState(new URLSearchParams(query));

describe('list state ↔ URL', () => {
  it('reads the defaults from an empty query and writes an empty one back', () => {
    const state = parse('');
    expect(state).toEqual({ type: undefined, status: [], sort: DEFAULT_SORT, page: 1, pageSize: 20, filters: {} });
    expect(toSearchParams(state).toString()).toBe('');
  });

  it('round-trips a full view, so a link reproduces it', () => {
    const query =
      'type=bs-fault&status=draft%2Csubmitted&sort=pci%3Aasc&page=3&size=50&f.occurred_at.gte=2026-11-01&f.occurred_at.lte=2026-11-30&f.pci.gte=100&f.pci.lte=500&f.severity.in=critical%2Cmajor&f.site_name.contains=%E6%B5%A6%E4%B8%9C';
    const state = parse(query);
    expect(state).toEqual({
      type: 'bs-fault',
      status: ['draft', 'submitted'],
      sort: { field: 'pci', order: 'asc' },
      page: 3,
      pageSize: 50,
      filters: {
        occurred_at: { gte: '2026-11-01', lte: '2026-11-30' },
        pci: { gte: '100', lte: '500' },
        severity: { in: 'critical,major' },
        site_name: { contains: '浦东' },
      },
    });
    expect(toSearchParams(state).toString()).toBe(query);
    expect(parseListState(toSearchParams(state))).toEqual(state);
  });

  it('drops what is malformed instead of failing', () => {
    const state = parse('type=bs-fault&status=draft,bogus&sort=pci:sideways&page=-2&size=33&f.pci.like=3&f.x%20y.eq=1&f.pci.gte=');
    expect(state).toMatchObject({ status: ['draft'], sort: DEFAULT_SORT, page: 1, pageSize: 20, filters: {} });
  });

  it('ignores field filters and field sorts without a type (fields belong to a type)', () => {
    const state = parse('f.pci.gte=1&sort=pci:asc');
    expect(state.filters).toEqual({});
    expect(state.sort).toEqual(DEFAULT_SORT);
    expect(parse('sort=updated_at:asc').sort).toEqual({ field: 'updated_at', order: 'asc' });
  });
});

describe('list state → API query', () => {
  it("writes the API's parameters, with a date-time day bound meaning the whole day", () => {
    const state = parse(
      'type=bs-fault&status=submitted&sort=pci:desc&page=2&f.pci.gte=300&f.severity.in=critical,major&f.occurred_at.gte=2026-11-30&f.occurred_at.lte=2026-11-30',
    );
    const query = toApiQuery(state, filterSpecs(bsFaultSchema));
    expect(Object.fromEntries(query)).toEqual({
      page: '2',
      pageSize: '20',
      type: 'bs-fault',
      status: 'submitted',
      sort: 'pci:desc',
      'filters[form][occurred_at][$gte]': '2026-11-30',
      'filters[form][occurred_at][$lte]': '2026-11-30 23:59:59',
      'filters[form][pci][$gte]': '300',
      'filters[form][severity][$in]': 'critical,major',
    });
  });

  it('filters by PCI with a single equality-range the server can serve from its index', () => {
    const state = setFieldFilter(parse('type=bs-fault'), 'pci', { gte: '387', lte: '387' });
    expect(toApiQuery(state).get('filters[form][pci][$gte]')).toBe('387');
    expect(toApiQuery(state).get('filters[form][pci][$lte]')).toBe('387');
  });
});

describe('changing the list state', () => {
  it('goes back to page 1 on any change but paging', () => {
    const state = parse('type=bs-fault&page=4');
    expect(changeListState(state, { status: ['draft'] }).page).toBe(1);
    expect(changeListState(state, { page: 5 }).page).toBe(5);
  });

  it("drops the old type's field filters and field sort when the type changes", () => {
    const state = parse('type=bs-fault&sort=pci:asc&f.pci.gte=3');
    const next = changeListState(state, { type: 'site-survey' });
    expect(next.filters).toEqual({});
    expect(next.sort).toEqual(DEFAULT_SORT);
    expect(changeListState(state, { type: 'bs-fault' }).filters).toEqual({ pci: { gte: '3' } });
  });

  it('sets and clears operators of one field filter', () => {
    const set = setFieldFilter(parse('type=bs-fault&page=2'), 'site_name', { contains: '张江' });
    expect(set.filters).toEqual({ site_name: { contains: '张江' } });
    expect(set.page).toBe(1);
    expect(setFieldFilter(set, 'site_name', { contains: '' }).filters).toEqual({});
    const range = setFieldFilter(set, 'pci', { gte: '1', lte: '9' });
    expect(setFieldFilter(range, 'pci', { gte: undefined }).filters).toEqual({ site_name: { contains: '张江' }, pci: { lte: '9' } });
  });

  it('keeps an import filter in the URL and sends it to the API; a malformed job id is ignored', () => {
    const state = parse('type=bs-fault&import=abc123XYZ');
    expect(state.importJob).toBe('abc123XYZ');
    expect(toSearchParams(state).get('import')).toBe('abc123XYZ');
    expect(toApiQuery(state).get('import')).toBe('abc123XYZ');
    expect(parse("import=x' OR 1=1").importJob).toBeUndefined();
    expect(toApiQuery(changeListState(state, { importJob: undefined })).has('import')).toBe(false);
  });

  it('keeps the assignee and SLA filters in the URL and sends them; anything else is ignored', () => {
    for (const assignee of ['me', 'none', '42'] as const) {
      const state = parse(`assignee=${assignee}&sla=breached&status=submitted`);
      expect(state.assignee).toBe(assignee);
      expect(toSearchParams(state).toString()).toBe(`assignee=${assignee}&sla=breached&status=submitted`);
      expect(toApiQuery(state).get('assignee')).toBe(assignee);
      expect(toApiQuery(state).get('sla')).toBe('breached');
    }
    const bad = parse('assignee=0&sla=late');
    expect([bad.assignee, bad.sla]).toEqual([undefined, undefined]);
    expect(parse('assignee=me;drop').assignee).toBeUndefined();
    expect(toApiQuery(changeListState(parse('assignee=me&page=3'), { assignee: undefined })).has('assignee')).toBe(false);
  });

  it('sorts by SLA urgency without a type (a column of every ticket)', () => {
    expect(parse('sort=sla:asc').sort).toEqual({ field: 'sla', order: 'asc' });
    expect(toApiQuery(parse('sort=sla:asc')).get('sort')).toBe('sla:asc');
  });
});
