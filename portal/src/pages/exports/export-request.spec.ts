import { describe, expect, it } from 'vitest';
import { parseListState } from '../tickets/list/list-state';
import { exportRequest, linkAlive } from './export-request';
import type { FilterSpec } from '../tickets/list/types';

const specs: FilterSpec[] = [
  { field: 'pci', title: 'PCI', input: 'whole-range' },
  { field: 'occurredAt', title: '发生时间', input: 'moment-range' },
];

describe('the export of a list', () => {
  it("takes the list's type, status, field filters and sort, and no page", () => {
    const state = parseListState(
      new URLSearchParams('type=bs-fault&status=submitted,in_progress&sort=pci:asc&f.pci.gte=300&f.pci.lte=400&f.occurredAt.lte=2026-12-01&page=3'),
    );
    const body = exportRequest({ ...state, type: 'bs-fault' }, specs, 'xlsx', [], 'zh-CN');
    expect(body).toEqual({
      ticketType: 'bs-fault',
      format: 'xlsx',
      locale: 'zh-CN',
      status: 'submitted,in_progress',
      sort: 'pci:asc',
      // the day picked as a moment's upper bound means its end, as the list asks for it
      filters: { form: { occurredAt: { $lte: '2026-12-01 23:59:59' }, pci: { $gte: '300', $lte: '400' } } },
    });
  });

  it('sends the chosen columns, and leaves filters and status out when the list has none', () => {
    const state = parseListState(new URLSearchParams('type=site-survey'));
    expect(exportRequest({ ...state, type: 'site-survey' }, [], 'csv', ['address', 'id'], 'en')).toEqual({
      ticketType: 'site-survey',
      format: 'csv',
      locale: 'en',
      sort: 'created_at:desc',
      columns: ['address', 'id'],
    });
  });

  it('knows when a signed link has expired', () => {
    expect(linkAlive({ expiresAt: null })).toBe(true);
    expect(linkAlive({ expiresAt: '2026-12-07T10:00:00Z' }, Date.parse('2026-12-07T09:59:00Z'))).toBe(true);
    expect(linkAlive({ expiresAt: '2026-12-07T10:00:00Z' }, Date.parse('2026-12-07T10:00:01Z'))).toBe(false);
  });
});
