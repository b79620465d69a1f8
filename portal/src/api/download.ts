import { errorFromResponse } from './api-error';
import type { AuthClient } from './auth-client';

/**
 * Fetches `path` with the caller's token and saves the answer as `filename`: a link cannot carry
 * the Authorization header, so files behind the API (an import's error workbook) come this way.
 */
export async function downloadWithToken(client: AuthClient, path: string, filename: string, locale: string): Promise<void> {
  const res = await client.fetch(path, { headers: { 'Accept-Language': locale } });
  if (!res.ok) throw errorFromResponse(res.status, await res.text());
  const url = URL.createObjectURL(await res.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // the click has handed the blob to the browser's download
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
