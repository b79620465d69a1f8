import { describe, expect, it } from 'vitest';
import { createSchemaFetch } from './schema-fetch';

/** A CMS stand-in answering like the schema endpoint: 304 when If-None-Match names its tag. */
function server() {
  let version = 1;
  const seen: (string | null)[] = [];
  return {
    seen,
    bump: () => (version += 1),
    async fetch(_url: string, init: RequestInit) {
      const sent = new Headers(init.headers).get('If-None-Match');
      seen.push(sent);
      const etag = `"v${version}"`;
      if (sent === etag) return new Response(null, { status: 304, headers: { etag } });
      return new Response(JSON.stringify({ data: { key: 'bs-fault', version } }), { status: 200, headers: { etag } });
    },
  };
}

const connectivity = { markUp: () => undefined, markDown: () => undefined };

describe('schema fetch with ETags', () => {
  it('sends the last ETag and reuses the kept schema on 304, takes the new one on 200', async () => {
    const cms = server();
    const fetchSchema = createSchemaFetch(cms, connectivity);
    expect(await fetchSchema('bs-fault', 'en', undefined)).toMatchObject({ version: 1 });
    expect(await fetchSchema('bs-fault', 'en', undefined)).toMatchObject({ version: 1 });
    cms.bump();
    expect(await fetchSchema('bs-fault', 'en', undefined)).toMatchObject({ version: 2 });
    expect(cms.seen).toEqual([null, '"v1"', '"v1"']);
  });

  it('keeps a tag per locale and version: another URL asks without one', async () => {
    const cms = server();
    const fetchSchema = createSchemaFetch(cms, connectivity);
    await fetchSchema('bs-fault', 'en', undefined);
    await fetchSchema('bs-fault', 'zh-CN', undefined);
    await fetchSchema('bs-fault', 'en', 1);
    expect(cms.seen).toEqual([null, null, null]);
  });

  it('turns an error answer into the API error', async () => {
    const fetchSchema = createSchemaFetch(
      { fetch: async () => new Response(JSON.stringify({ error: { status: 404, name: 'NotFoundError', message: 'Unknown ticket type "x"' } }), { status: 404 }) },
      connectivity,
    );
    await expect(fetchSchema('x', 'en', undefined)).rejects.toMatchObject({ status: 404 });
  });
});
