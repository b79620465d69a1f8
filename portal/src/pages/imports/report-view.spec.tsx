import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../../services/query-client';
import { renderWithProviders } from '../../test/render';
import { ReportCounts, ReportRows } from './report-view';
import type { CheckedRow, ImportReport } from './import-types';

const rejected: CheckedRow = {
  row: 17,
  status: 'rejected',
  errors: [
    { field: 'latitude', message: '纬度应在 -90 到 90 之间' },
    { field: 'pci', message: '物理小区标识为必填项' },
  ],
  data: { site_name: '浦东张江站', latitude: '95.2' },
};
const valid: CheckedRow = { row: 3, status: 'valid', errors: [], data: { site_name: '浦东金桥站', latitude: 31.2 } };
const report: ImportReport = {
  job: { id: 'job-1', status: 'succeeded', error: null, progress: { done: 3, total: 3 } },
  fileName: 'dev01.xlsx',
  format: 'xlsx',
  dryRun: true,
  ticketType: 'bs-fault',
  sheet: '故障明细',
  headerRow: 2,
  mapping: { 站点名称: 'site_name', '纬度(°)': 'latitude', 备注: null },
  rows: [valid, rejected, { row: 4, status: 'skipped', errors: [], data: {}, kind: 'blank' }],
  counts: { rows: 3, created: 0, valid: 1, rejected: 1, skipped: 1 },
};

vi.mock('../../auth/session', () => ({
  api: vi.fn(async (path: string, options: { query?: { status?: string } } = {}) => {
    if (path === '/api/excel-io/imports/job-1/report' && options.query?.status === 'rejected') return { data: { ...report, rows: [rejected] } };
    throw new Error(`unexpected ${path}`);
  }),
}));

describe('the import report', () => {
  it('counts the rows, opens on the rejected ones with each error under its cell, and shows all on demand', async () => {
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <ReportCounts report={report} />
        <ReportRows jobId="job-1" report={report} />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('report-counts').textContent).toBe('共 3 行：可导入 1，有错误 1，跳过 1');
    await waitFor(() => expect(screen.getAllByTestId('row-status').map((tag) => tag.dataset.status)).toEqual(['rejected']));
    const table = screen.getByTestId('report-table');
    // one column per imported field, titled by the file's header; 备注 is not imported
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['行号', '检查结果', '站点名称', '纬度(°)']);
    const cells = table.querySelectorAll('tbody tr.ant-table-row td');
    expect(cells[3].textContent).toBe('95.2纬度应在 -90 到 90 之间');
    // an error of a field no column feeds is the row's own
    expect(cells[1].textContent).toContain('物理小区标识为必填项');

    fireEvent.click(screen.getByText('全部行'));
    await waitFor(() => expect(screen.getAllByTestId('row-status').map((tag) => tag.dataset.status)).toEqual(['valid', 'rejected', 'skipped']));
  });
});
