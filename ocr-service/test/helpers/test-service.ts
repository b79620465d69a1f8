import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadServiceConfig, type ServiceConfig } from '../../src/config/service-config';
import { createOcrServer, type OcrServer } from '../../src/server/ocr-server';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A service listening on 127.0.0.1 on a free port, models loaded. */
export interface TestService {
  server: OcrServer;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the real service in-process (port 0 = the OS picks a free port). */
export async function startTestService(tweak: (c: ServiceConfig) => void = () => undefined): Promise<TestService> {
  const config = loadServiceConfig({ HOST: '127.0.0.1', PORT: '0' });
  tweak(config);
  const server = await createOcrServer(config, { logger: false });
  const address = await server.listen();
  await server.ready;
  return { server, baseUrl: address, close: () => server.close() };
}

/** A file to upload: name plus bytes. */
export interface Upload {
  name: string;
  data: Buffer;
}

/** Reads a fixture as an upload. */
export function fixture(rel: string): Upload {
  return { name: path.basename(rel), data: readFileSync(path.join(FIXTURES, rel)) };
}

/** POSTs files as multipart field `images` to /v1/ocr. */
export async function postImages(
  baseUrl: string,
  files: readonly Upload[],
  query = '',
): Promise<{ status: number; headers: Headers; body: any }> {
  const form = new FormData();
  for (const f of files) form.append('images', new Blob([f.data]), f.name);
  const res = await fetch(`${baseUrl}/v1/ocr${query}`, { method: 'POST', body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Non-JSON bodies (none expected) are returned as text for the assertion message.
  }
  return { status: res.status, headers: res.headers, body };
}
