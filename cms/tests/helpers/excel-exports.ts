import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { auth, finishedJob } from './excel-imports';

/** Starts an export with `data` and returns the answer (202 with the job record, or the error). */
export function postExport(strapi: Core.Strapi, token: string, data: Record<string, unknown>) {
  return request(strapi.server.httpServer).post('/api/excel-io/exports').set(auth(token)).send({ data });
}

/** Runs an export to its end: the finished job record (status, result). */
export async function runExport(strapi: Core.Strapi, token: string, data: Record<string, unknown>) {
  const res = await postExport(strapi, token, data);
  if (res.status !== 202) throw new Error(`export not started: ${res.status} ${JSON.stringify(res.body)}`);
  return finishedJob(strapi, token, res.body.data.documentId, 120_000);
}

/** Follows the download route's 302 and returns the link and the bytes the store serves. */
export async function download(strapi: Core.Strapi, token: string, jobId: string): Promise<{ location: string; bytes: Buffer }> {
  const res = await request(strapi.server.httpServer).get(`/api/excel-io/exports/${jobId}/download`).set(auth(token));
  if (res.status !== 302) throw new Error(`download answered ${res.status} ${JSON.stringify(res.body)}`);
  const location = res.headers.location as string;
  const fetched = await fetch(location);
  if (!fetched.ok) throw new Error(`the store answered ${fetched.status} for ${location}`);
  return { location, bytes: Buffer.from(await fetched.arrayBuffer()) };
}

/** Every documentId the list endpoint gives for `query`, in its order (all pages). */
export async function listIds(strapi: Core.Strapi, token: string, query: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await request(strapi.server.httpServer).get('/api/ticketing/tickets').query({ ...query, page, pageSize: 100 }).set(auth(token));
    if (res.status !== 200) throw new Error(`list answered ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(...res.body.data.map((t: { documentId: string }) => t.documentId));
    if (res.body.data.length < 100) return ids;
  }
}
