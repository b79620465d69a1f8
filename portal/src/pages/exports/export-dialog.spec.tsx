import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../../services/query-client';
import { renderWithProviders } from '../../test/render';
import { bsFaultSchema } from '../../test/schemas';
import { parseListState } from '../tickets/list/list-state';
import { ExportButton } from './export-dialog';

const posted: unknown[] = [];
let polls = 0;
const job = (status: string, done: number, result: unknown = null) => ({
  data: { documentId: 'exp-1', kind: 'export', status, progress: { done, total: 300 }, result, error: null },
});

const templates: { documentId: string; name: string; ticketType: string }[] = [];

vi.mock('../../auth/session', () => ({
  api: vi.fn(async (path: string, options: { method?: string; body?: { data: unknown }; query?: Record<string, unknown> } = {}) => {
    if (path === '/api/excel-io/templates') return { data: templates.filter((tpl) => tpl.ticketType === options.query?.ticketType) };
    if (path === '/api/excel-io/exports' && options.method === 'POST') {
      posted.push(options.body?.data);
      return job('queued', 0);
    }
    if (path === '/api/jobs/exp-1') {
      polls += 1;
      if (polls === 1) return job('running', 100);
      return job('succeeded', 300, { url: 'http://s3.local/exports/a.xlsx?X-Amz-Date=x', expiresAt: '2999-01-01T00:00:00Z', rows: 300, bytes: 48_000, filename: '基站故障.xlsx' });
    }
    throw new Error(`unexpected ${options.method ?? 'GET'} ${path}`);
  }),
}));

describe('ExportButton', () => {
  it("exports the list's filters and sort in the chosen format, shows the job's progress, then the download", async () => {
    const state = parseListState(new URLSearchParams('type=bs-fault&status=submitted&sort=pci:desc&f.pci.gte=300'));
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <ExportButton state={state} specs={[{ field: 'pci', title: 'PCI', input: 'whole-range' }]} schema={bsFaultSchema} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('export-open'));
    fireEvent.click(await screen.findByText('csv'));
    fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      ticketType: 'bs-fault',
      format: 'csv',
      locale: 'zh-CN',
      status: 'submitted',
      sort: 'pci:desc',
      filters: { form: { pci: { $gte: '300' } } },
    });
    await screen.findByTestId('job-progress');
    const link = await screen.findByTestId('export-download', {}, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('http://s3.local/exports/a.xlsx?X-Amz-Date=x');
    expect(link.textContent).toContain('基站故障.xlsx');
    expect(link.textContent).toContain('47 KB');
    expect(screen.getByTestId('job-progress').dataset.status).toBe('succeeded');
    // the export button cannot start a second job for the same dialog
    expect(screen.getByTestId('export-start')).toHaveProperty('disabled', true);
  });

  it("offers the type's templates for xlsx; a chosen one replaces the column choice", async () => {
    templates.push({ documentId: 'tpl-1', name: '故障月报模板', ticketType: 'bs-fault' }, { documentId: 'tpl-2', name: '勘察模板', ticketType: 'site-survey' });
    posted.length = 0;
    // the first test's dialog read this type's templates (none then)
    queryClient.removeQueries({ queryKey: ['export-templates'] });
    const state = parseListState(new URLSearchParams('type=bs-fault'));
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <ExportButton state={state} specs={[]} schema={bsFaultSchema} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('export-open'));
    const select = await screen.findByTestId('export-template');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
    expect(screen.queryByText('勘察模板')).toBeNull();
    fireEvent.click(await screen.findByText('故障月报模板'));
    expect(await screen.findByText('列由模板决定')).toBeTruthy();
    // CSV has no template: the choice disappears with it, and comes back with xlsx
    fireEvent.click(screen.getByText('csv'));
    expect(screen.queryByTestId('export-template')).toBeNull();
    expect(screen.queryByText('列由模板决定')).toBeNull();
    fireEvent.click(screen.getByText('xlsx'));
    expect(await screen.findByText('列由模板决定')).toBeTruthy();
    fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ ticketType: 'bs-fault', format: 'xlsx', template: 'tpl-1' });
    expect(posted[0]).not.toHaveProperty('columns');
  });

  it('asks for a ticket type first', () => {
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <ExportButton state={parseListState(new URLSearchParams())} specs={[]} schema={undefined} />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('export-open')).toHaveProperty('disabled', true);
  });
});
