import type { Server } from 'node:http';
import type { Core } from '@strapi/strapi';

/** How long requests in flight get to finish after SIGTERM before their connections are closed. */
export const httpShutdownTimeoutMs = () => {
  const value = Number(process.env.HTTP_SHUTDOWN_TIMEOUT_MS);
  return Number.isInteger(value) && value >= 0 ? value : 8000;
};

/**
 * Stops taking connections, lets the requests in flight finish (a keep-alive connection is
 * closed once it has no request), and after `timeoutMs` closes whatever is still open.
 */
export async function drainHttp(server: Server, timeoutMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // a connection between two requests of a keep-alive client would hold close() open
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}

/**
 * Strapi's destroy() (what SIGTERM and SIGINT call, `strapi start` included) stops the plugins
 * — workers, queues, Redis — and only then its HTTP server, which cuts every open connection.
 * Here the server is drained first: no new connection is taken, requests in flight finish
 * while everything they need is still up, then the rest shuts down as before. Also makes
 * destroy() safe to call twice (a signal handler of the caller's own and Strapi's).
 */
export function drainHttpBeforeDestroy(strapi: Core.Strapi): void {
  const destroy = strapi.destroy.bind(strapi);
  let destroying: Promise<void> | undefined;
  strapi.destroy = () => (destroying ??= drainHttp(strapi.server.httpServer, httpShutdownTimeoutMs()).then(destroy));
}
