import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import { accessService } from 'strapi-plugin-access';
import type { JobsConfig } from '../config';
import { signToken, verifyToken } from '../utils/signed-token';
import { getService } from '../utils/get-service';

/** The slice of a Koa 3 application the board needs. */
interface BoardApp {
  use(middleware: unknown): BoardApp;
  callback(): (req: IncomingMessage, res: ServerResponse) => unknown;
}

/**
 * @bull-board/koa 9 is written for Koa 3 and depends on its own copy, while Strapi runs
 * Koa 2. The board gets an application of that copy, fed the raw Node request, so no
 * Koa 2 context ever reaches Koa 3 middleware.
 */
function boardKoa(): new () => BoardApp {
  const fromBoard = createRequire(require.resolve('@bull-board/koa/package.json'));
  return fromBoard('koa') as new () => BoardApp;
}

const LINK = 'jobs-board-link';
const SESSION = 'jobs-board-session';

/**
 * bull-board for admins: short-lived signed links from an admin-only route, a session
 * cookie once a link is opened, and the board itself (built on first use).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let serve: ((req: IncomingMessage, res: ServerResponse) => unknown) | undefined;
  let board: ReturnType<typeof createBullBoard> | undefined;
  const shown = new Set<string>();
  const config = () => strapi.config.get('plugin::jobs') as JobsConfig;

  /** The signing key: configured, or derived from the app keys (never the keys themselves). */
  const secret = () => {
    const configured = config().boardSecret;
    if (configured) return configured;
    const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
    if (keys.length === 0) throw new Error('jobs: set JOBS_BOARD_SECRET or APP_KEYS to sign board links');
    return createHash('sha256').update(`jobs-board\0${keys.join('\0')}`).digest('hex');
  };
  const now = () => Math.floor(Date.now() / 1000);

  /** Adds the queues registered since the board was built. */
  function showQueues() {
    for (const definition of getService(strapi, 'queues').definitions()) {
      if (shown.has(definition.name)) continue;
      board?.addQueue(new BullMQAdapter(getService(strapi, 'queues').queue(definition.name)));
      shown.add(definition.name);
    }
  }

  return {
    cookieName: 'jobs_board',

    /** A link that opens the board for `subject` (an admin's user id) within the link lifetime. */
    link(subject: string) {
      const exp = now() + config().boardLinkTtlSeconds;
      const ticket = signToken({ purpose: LINK, sub: subject, exp }, secret());
      const path = `${config().boardPath}?ticket=${encodeURIComponent(ticket)}`;
      const origin = (strapi.config.get('server.absoluteUrl') as string | undefined) ?? '';
      return { url: `${origin}${path}`, path, expiresAt: accessService(strapi, 'timestamps').format(exp * 1000) };
    },

    /** Exchanges a valid link ticket for a session token; null when the ticket is not valid. */
    openSession(ticket: unknown): { token: string; maxAgeMs: number } | null {
      const claims = verifyToken(ticket, LINK, secret());
      if (!claims) return null;
      const ttl = config().boardSessionTtlSeconds;
      return { token: signToken({ purpose: SESSION, sub: claims.sub, exp: now() + ttl }, secret()), maxAgeMs: ttl * 1000 };
    },

    isSession(token: unknown): boolean {
      return verifyToken(token, SESSION, secret()) !== null;
    },

    /** Hands a request to the board; resolves once the response is sent. */
    async serve(req: IncomingMessage, res: ServerResponse) {
      if (!serve) {
        const adapter = new KoaAdapter().setBasePath(config().boardPath);
        board = createBullBoard({ queues: [], serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Jobs' } } });
        const Koa = boardKoa();
        serve = new Koa().use(adapter.registerPlugin()).callback();
      }
      showQueues();
      await new Promise<void>((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
        serve?.(req, res);
      });
    },
  };
};
