import { errorFromResponse, isApiError } from '../api/api-error';
import { withQuery } from '../api/request';
import type { TypeSchema } from './schema-types';

interface Client {
  fetch(url: string, init: RequestInit): Promise<Response>;
}

interface Connectivity {
  markUp(): void;
  markDown(): void;
}

/**
 * Fetches form schemas with `If-None-Match`: each URL's last answer is kept with its ETag,
 * and a 304 (the schema is unchanged for this caller's role and locale) reuses it, so a
 * refetch after react-query's stale time costs the CMS a hash compare and no body.
 */
export function createSchemaFetch(client: Client, connectivity: Connectivity) {
  const last = new Map<string, { etag: string; data: TypeSchema }>();

  return async (key: string, locale: string, version: number | undefined, signal?: AbortSignal): Promise<TypeSchema> => {
    const url = withQuery(`/api/ticketing/ticket-types/${encodeURIComponent(key)}/schema`, { locale, version });
    const known = last.get(url);
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    if (known) headers['If-None-Match'] = known.etag;
    let res: Response;
    try {
      res = await client.fetch(url, { method: 'GET', headers, signal });
    } catch (error) {
      if (isApiError(error, 'unavailable')) connectivity.markDown();
      throw error;
    }
    if (res.status === 304 && known) {
      connectivity.markUp();
      return known.data;
    }
    const text = await res.text();
    if (!res.ok) {
      const error = errorFromResponse(res.status, text);
      if (error.kind === 'unavailable') connectivity.markDown();
      else connectivity.markUp();
      throw error;
    }
    connectivity.markUp();
    const data = (JSON.parse(text) as { data: TypeSchema }).data;
    const etag = res.headers.get('etag');
    if (etag) last.set(url, { etag, data });
    return data;
  };
}
