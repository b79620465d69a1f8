import { errorFromResponse, isApiError } from './api-error';
import type { AuthClient } from './auth-client';
import type { Connectivity } from './connectivity';

/** Query parameters: a ready string, URLSearchParams, or a record whose empty values are left out. */
export type Query = string | URLSearchParams | Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** `path` with `query` appended. */
export function withQuery(path: string, query?: Query): string {
  if (query === undefined) return path;
  let text: string;
  if (typeof query === 'string') text = query;
  else if (query instanceof URLSearchParams) text = query.toString();
  else {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
    }
    text = params.toString();
  }
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** The JSON API of the CMS as the portal calls it. */
export type Api = <T>(path: string, options?: RequestOptions) => Promise<T>;

/**
 * JSON requests through the auth client: the UI language goes along (the server's messages
 * and labels follow it), errors become `ApiError`s, and each answer tells `connectivity`
 * whether the CMS is reachable.
 */
export function createApi(client: AuthClient, locale: () => string, connectivity: Connectivity): Api {
  return async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale() };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await client.fetch(withQuery(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (isApiError(error, 'unavailable')) connectivity.markDown();
      throw error;
    }
    const text = res.status === 204 ? '' : await res.text();
    if (!res.ok) {
      const error = errorFromResponse(res.status, text);
      if (error.kind === 'unavailable') connectivity.markDown();
      else connectivity.markUp();
      throw error;
    }
    connectivity.markUp();
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
