import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got: its headers and the raw body bytes (what the signature covers). */
export interface ReceivedHook {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  json: any;
}

/**
 * A local HTTP server standing in for an NMS or a chat bot. Each path answers with the statuses
 * queued for it (`script('/a', 500, 200)`: a 500 first, then 200s); unscripted, 200.
 */
export async function startWebhookReceiver() {
  const received: ReceivedHook[] = [];
  const scripts = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = req.url ?? '/';
      let json: unknown = null;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        json = null;
      }
      received.push({ path, headers: req.headers, raw, json });
      const queue = scripts.get(path) ?? [];
      const status = queue.length > 1 ? (queue.shift() as number) : (queue[0] ?? 200);
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status >= 300 ? `refused with ${status}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** Answers for `path`, in order; the last one stays. */
    script(path: string, ...statuses: number[]) {
      scripts.set(path, statuses);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
