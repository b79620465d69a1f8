import net from 'node:net';

/** Whether something accepts TCP connections at the URL's host and port (PostgreSQL, Redis). */
export function tcpReachable(url: string, defaultPort: number, timeoutMs = 3000): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || defaultPort);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Whether the OCR service says it is ready (`GET /ready` → 2xx). */
export async function ocrReady(baseUrl: string, timeoutMs = 3000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/ready', baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** Share of 5xx answers over a sliding window, from cumulative counters sampled at each check. */
export function errorRateWindow(windowMs: number) {
  const samples: { at: number; total: number; errors: number }[] = [];
  return (at: number, total: number, errors: number) => {
    samples.push({ at, total, errors });
    while (samples.length > 1 && at - samples[1].at >= windowMs) samples.shift();
    const first = samples[0];
    return { requests: total - first.total, errors: errors - first.errors };
  };
}
