import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { queryClient } from '../../services/query-client';
import { renderWithProviders } from '../../test/render';
import TicketTypeVersionsPage from '.';
import type { MigrationEntry, TypeVersions } from './version-types';

const label = (text: string) => ({ 'zh-CN': text, en: text });
const versions: TypeVersions = {
  key: 'mig',
  current: 2,
  versions: [
    {
      version: 1,
      createdAt: '2026-12-01T09:00:00+08:00',
      current: false,
      tickets: 4,
      fields: [
        { key: 'site', type: 'string', label: label('站点'), required: true },
        { key: 'old_note', type: 'text', label: label('备注'), required: false },
        { key: 'legacy_code', type: 'string', label: label('旧编码'), required: false },
      ],
    },
    {
      version: 2,
      createdAt: '2026-12-05T10:30:00+08:00',
      current: true,
      tickets: 1,
      fields: [
        { key: 'site', type: 'string', label: label('站点'), required: true },
        { key: 'note', type: 'text', label: label('说明'), required: false },
        { key: 'region', type: 'enum', label: label('区域'), required: true },
      ],
    },
  ],
};
const entries: MigrationEntry[] = [
  { id: 'tkt-a', outcome: 'migrated', reasons: [] },
  { id: 'tkt-b', outcome: 'kept', reasons: [{ field: 'legacy_code', reason: 'removed-field-has-data', message: '' }] },
];
const result = { typeKey: 'mig', from: 1, to: 2, dryRun: true, counts: { total: 2, migrated: 1, kept: 1 } };
const posted: unknown[] = [];

// only `api` is replaced: the pages it renders import the rest of the session module too
vi.mock('../../auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../auth/session')>()),
  api: vi.fn(async (path: string, options: { method?: string; body?: unknown; query?: { outcome?: string } } = {}) => {
    if (path === '/api/ticketing/ticket-types') return { data: [{ key: 'mig', name: label('迁移测试'), version: 2 }] };
    if (path === '/api/ticketing/ticket-types/mig/versions') return { data: versions };
    if (path === '/api/ticketing/ticket-types/mig/migrations' && options.method === 'POST') {
      posted.push(options.body);
      return { data: { documentId: 'job-1', kind: 'ticket-migration', status: 'queued', progress: null, result: null, error: null } };
    }
    if (path === '/api/jobs/job-1') {
      const params = { ...(posted[0] as object), typeKey: 'mig' };
      return { data: { documentId: 'job-1', kind: 'ticket-migration', status: 'succeeded', progress: { done: 2, total: 2 }, params, result, error: null } };
    }
    if (path === '/api/ticketing/ticket-types/mig/migrations/job-1/report') {
      const shown = entries.filter((e) => !options.query?.outcome || e.outcome === options.query.outcome);
      return { data: { ...result, jobId: 'job-1', status: 'succeeded', entries: shown }, meta: { pagination: { total: shown.length, pageSize: 20 } } };
    }
    throw new Error(`unexpected ${options.method ?? 'GET'} ${path}`);
  }),
}));

/** Opens an antd select and picks the option titled `title` in the dropdown opened last. */
function choose(select: HTMLElement, title: string) {
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? within(select).getByRole('combobox'));
  const options = screen.getAllByTitle(title).filter((o) => o.classList.contains('ant-select-item-option'));
  fireEvent.click(options[options.length - 1]);
}

describe('the ticket type versions page', () => {
  it('lists the versions with their tickets, sends the chosen migration as a dry run and shows its report', async () => {
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={['/ticket-types?type=mig']}>
          <Routes>
            <Route path="/ticket-types" element={<TicketTypeVersionsPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId('version-tickets').map((c) => c.textContent)).toEqual(['4', '1']));
    expect(screen.getByTestId('migration-dry-run')).toHaveProperty('disabled', true);

    choose(screen.getByTestId('migration-from'), 'v1（4 张工单）');
    choose(screen.getByTestId('migration-to'), 'v2（1 张工单）');
    // what changes between the two versions guides the choices
    const changes = await screen.findByTestId('migration-changes');
    expect(changes.textContent).toContain('legacy_code');
    expect(changes.textContent).toContain('region');

    fireEvent.click(screen.getByTestId('add-rename'));
    const rename = await screen.findByTestId('rename-row');
    const [oldField, newField] = rename.querySelectorAll<HTMLElement>('.ant-select');
    choose(oldField, '备注 (old_note)');
    choose(newField, '说明 (note)');
    fireEvent.click(screen.getByTestId('add-default'));
    const defaults = await screen.findByTestId('default-row');
    choose(defaults.querySelector<HTMLElement>('.ant-select')!, '区域 (region)');
    fireEvent.change(within(defaults).getByPlaceholderText('值'), { target: { value: ' north ' } });
    // a half-filled row is left out
    fireEvent.click(screen.getByTestId('add-default'));

    fireEvent.click(screen.getByTestId('migration-dry-run'));
    await waitFor(() => expect(posted).toEqual([{ from: 1, to: 2, renames: { old_note: 'note' }, defaults: { region: 'north' }, dryRun: true }]));

    expect((await screen.findByTestId('migration-counts')).textContent).toBe('试运行 v1 → v2：共 2 张，可迁移 1，会留在原版本 1（未写入任何数据）');
    // the kept tickets come first, each reason in words
    await waitFor(() => expect(screen.getAllByTestId('entry-outcome').map((tag) => tag.dataset.outcome)).toEqual(['kept']));
    expect(screen.getByTestId('entry-reason').textContent).toBe('legacy_code 有数据，但新版本没有这个字段');
    fireEvent.click(screen.getByText('全部'));
    await waitFor(() => expect(screen.getAllByTestId('entry-outcome').map((tag) => tag.textContent)).toEqual(['可迁移', '留在原版本']));
  });
});
