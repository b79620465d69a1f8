import { describe, expect, it } from 'vitest';
import { cellText, createdTickets, errorsByField, reportColumns } from './report-rows';
import type { CheckedRow } from './import-types';

const columns = reportColumns({ 纬度: 'latitude', 备注: null, 站点: 'site' });

describe('the report table', () => {
  it('has a column per imported field, in file order, titled by its header', () => {
    expect(columns).toEqual([
      { header: '纬度', field: 'latitude' },
      { header: '站点', field: 'site' },
    ]);
  });

  it("puts each error under its field's cell and the row's own errors apart", () => {
    const row: CheckedRow = {
      row: 17,
      status: 'rejected',
      errors: [
        { field: 'latitude', message: '纬度应在 -90 到 90 之间' },
        { field: 'latitude', message: '第二条' },
        { field: 'pci', message: 'PCI 为必填项' },
      ],
      data: { latitude: '95.2' },
    };
    const errors = errorsByField(row, columns);
    expect(errors.get('latitude')).toEqual(['纬度应在 -90 到 90 之间', '第二条']);
    expect(errors.get('')).toEqual(['PCI 为必填项']);
    expect(errors.has('site')).toBe(false);
    expect(cellText(row, 'latitude')).toBe('95.2');
    expect(cellText(row, 'site')).toBe('');
    expect(cellText({ ...row, data: { site: ['a', 1] } }, 'site')).toBe('a, 1');
  });

  it('lists the created tickets only', () => {
    const rows: CheckedRow[] = [
      { row: 3, status: 'created', errors: [], data: {}, ticket: 't1' },
      { row: 4, status: 'rejected', errors: [], data: {}, ticket: null },
      { row: 5, status: 'valid', errors: [], data: {} },
    ];
    expect(createdTickets(rows)).toEqual([{ row: 3, ticket: 't1' }]);
  });
});
