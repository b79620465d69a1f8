import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/api-error';
import { renderWithProviders } from '../../test/render';
import { DownloadLink } from './download-link';

const answers = new Map<string, () => unknown>();
vi.mock('../../auth/session', () => ({
  api: vi.fn(async (path: string) => {
    const answer = answers.get(path);
    if (!answer) throw new Error(`unexpected GET ${path}`);
    return answer();
  }),
}));

const result = (expiresAt: string) => ({ url: 'http://s3.local/exports/old.xlsx?X-Amz-Date=x', expiresAt, rows: 3, bytes: 2048, filename: '基站故障.xlsx' });

describe('DownloadLink', () => {
  afterEach(() => {
    answers.clear();
    vi.unstubAllGlobals();
  });

  it('links to the signed URL while it works', () => {
    renderWithProviders(<DownloadLink jobId="exp-1" result={result('2999-01-01T00:00:00+08:00')} />);
    expect(screen.getByTestId('export-download').getAttribute('href')).toBe('http://s3.local/exports/old.xlsx?X-Amz-Date=x');
  });

  it('after the link expired, asks for a fresh one and follows it', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    answers.set('/api/excel-io/exports/exp-1/link', () => ({ data: { url: 'http://s3.local/exports/fresh.xlsx', expiresAt: '2999-01-01T00:00:00+08:00' } }));
    renderWithProviders(<DownloadLink jobId="exp-1" result={result('2020-01-01T00:00:00+08:00')} />);
    const button = screen.getByTestId('export-download');
    expect(button.getAttribute('href')).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(assign).toHaveBeenCalledWith('http://s3.local/exports/fresh.xlsx'));
  });

  it('says the file is gone when the CMS answers 410', async () => {
    answers.set('/api/excel-io/exports/exp-1/link', () => {
      throw new ApiError('http', 'expired', 410);
    });
    renderWithProviders(<DownloadLink jobId="exp-1" result={result('2020-01-01T00:00:00+08:00')} />);
    fireEvent.click(screen.getByTestId('export-download'));
    expect((await screen.findByTestId('export-removed')).textContent).toBe('文件已超过保留期限被删除，请重新导出');
  });
});
