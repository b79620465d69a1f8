import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../../../../services/query-client';
import type { Ticket } from '../../../../services/ticket';
import { bsFaultSchema } from '../../../../test/schemas';
import { renderWithProviders } from '../../../../test/render';
import { OcrPanel } from './ocr-panel';

const calls: { method: string; path: string }[] = [];
let finishJob: (() => void) | null = null;
const UNREACHABLE = 'OCR service at http://127.0.0.1:8000 is unreachable (connect ECONNREFUSED)';

vi.mock('../../../../auth/session', () => ({
  api: vi.fn(async (path: string, options: { method?: string } = {}) => {
    const method = options.method ?? 'GET';
    calls.push({ method, path });
    if (path.endsWith('/images')) {
      return { data: [{ id: 'p1', name: 'nms-screen.jpg', url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', thumbnailUrl: '', width: 761, height: 455 }] };
    }
    if (path === '/api/ocr/results') return { data: [] };
    if (path.endsWith('/suggestions')) return { data: [], meta: { unparsed: [], leftovers: [] } };
    if (path === '/api/ocr/jobs') {
      await new Promise<void>((resolve) => (finishJob = resolve)); // the answer is slow: the user clicks again meanwhile
      return { data: { documentId: 'job-1', kind: 'ocr', status: 'queued', progress: null, result: null, error: null } };
    }
    if (path === '/api/jobs/job-1') {
      return { data: { documentId: 'job-1', kind: 'ocr', status: 'failed', progress: { done: 0, total: 1 }, result: null, error: UNREACHABLE } };
    }
    throw new Error(`unexpected ${method} ${path}`);
  }),
}));

const ticket = { documentId: 't1', type: 'bs-fault', typeVersion: 1, version: 3, photos: ['p1'], form: { pci: 100 } } as unknown as Ticket;

describe('OcrPanel', () => {
  it('starts one job however often the button is clicked, and shows the reason when the job fails', async () => {
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <OcrPanel ticket={ticket} typeSchema={bsFaultSchema} form={ticket.form} dirty={false} saving={false} />
      </QueryClientProvider>,
    );
    const start = await screen.findByTestId('ocr-start');
    expect(start.textContent).toMatch(/识别文字/);
    fireEvent.click(start);
    await waitFor(() => expect(screen.getByTestId('ocr-start')).toHaveProperty('disabled', true));
    fireEvent.click(screen.getByTestId('ocr-start'));
    await act(async () => finishJob?.());

    const failed = await screen.findByTestId('ocr-failed');
    expect(failed.textContent).toContain('识别失败');
    expect(failed.textContent).toContain(UNREACHABLE);
    expect(screen.getByTestId('ocr-progress').dataset.status).toBe('failed');
    expect(calls.filter((c) => c.path === '/api/ocr/jobs')).toEqual([{ method: 'POST', path: '/api/ocr/jobs' }]);
    // a failed job may be started again
    await waitFor(() => expect(screen.getByTestId('ocr-start')).toHaveProperty('disabled', false));
  });
});
