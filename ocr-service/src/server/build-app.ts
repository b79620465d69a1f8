import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { HttpError } from './http-errors';
import { registerRoutes, type RouteDeps } from './routes';

/**
 * Builds the Fastify app: multipart limits, queue admission and metrics hooks, one error
 * handler mapping every failure to `{ error: { code, message } }`, and the routes.
 */
export async function buildApp(deps: RouteDeps, opts: { logger: boolean | { level: string } }): Promise<FastifyInstance> {
  const { config, queue, metrics } = deps;
  const app = Fastify({
    logger: opts.logger,
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeoutMs,
    // Keep-alive clients must not outlive a deploy's drain by much.
    keepAliveTimeout: 5_000,
  });

  await app.register(multipart, {
    limits: {
      fileSize: config.pipeline.input.maxBytes,
      files: config.maxImages,
      fields: 20,
      parts: config.maxImages + 20,
      headerPairs: 100,
    },
    // Oversized files are reported per image (truncated), not by failing the whole request.
    throwFileSizeLimit: false,
  });

  // Admission happens before the body is read, so a full queue costs the server nothing.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== '/v1/ocr') return;
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > config.bodyLimit) {
      metrics.rejected.inc({ reason: 'body_too_large' });
      throw new HttpError(413, 'body_too_large', `request body is larger than ${config.bodyLimit} bytes`, {
        connection: 'close',
      });
    }
    const release = queue.tryAdmit();
    if (!release) {
      metrics.rejected.inc({ reason: 'queue_full' });
      // No `connection: close` here: Node drains (discards) the unread body after the reply, so
      // a client still uploading reads this 503 instead of failing with EPIPE/ECONNRESET.
      throw new HttpError(503, 'queue_full', 'the OCR queue is full, retry later', {
        'retry-after': String(config.retryAfterSeconds),
      });
    }
    metrics.inFlight.inc();
    metrics.queueSize.set(queue.size);
    // 'close' fires for finished and for aborted responses alike: the slot is always returned.
    reply.raw.once('close', () => {
      release();
      metrics.inFlight.dec();
      metrics.queueSize.set(queue.size);
    });
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { route: request.routeOptions.url ?? 'unmatched', method: request.method, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.requestDuration.observe(labels, reply.elapsedTime / 1000);
  });

  app.setErrorHandler(async (err, request, reply) => {
    if (err instanceof HttpError) {
      reply.headers(err.headers);
      return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message } });
    }
    const e = err as { statusCode?: number; code?: string; message: string };
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
    if (status >= 500) request.log.error({ err }, 'request failed');
    const code = status === 500 ? 'internal' : (e.code ?? 'bad_request').toLowerCase();
    return reply.code(status).send({ error: { code, message: status === 500 ? 'internal error' : e.message } });
  });

  app.setNotFoundHandler(async (_request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: 'no such route' } }),
  );

  registerRoutes(app, deps);
  return app;
}
