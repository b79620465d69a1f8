import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createAccount } from './accounts';
import { NO_ENV_FILE } from './no-env-file';

const appDir = path.resolve(__dirname, '..', '..');

/** A job record as GET /api/jobs/:id shows it. */
export interface JobView {
  documentId: string;
  kind: string;
  status: string;
  progress: { done: number; total: number; message: string | null } | null;
  result: any;
  error: string | null;
  attempts: number;
  cancelRequested: boolean;
  creator: { id: number } | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A user of `roleType` (a config/roles.yaml role) and a JWT for it. */
export async function userWithToken(strapi: Core.Strapi, roleType: string): Promise<{ id: number; jwt: string }> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`no role ${roleType}`);
  const account = await createAccount(strapi, role.id);
  const res = await request(strapi.server.httpServer).post('/api/auth/local').send({ identifier: account.identifier, password: account.password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return { id: account.id, jwt: res.body.jwt };
}

/** Adds a `test` job through the plugin's service, as another plugin would. */
export async function addTestJob(strapi: Core.Strapi, data: Record<string, unknown>, creator: number | null = null): Promise<JobView> {
  return strapi.plugin('jobs').service('jobs').add('test', data, { creator });
}

/** The record of a job, read with the service (no access check). */
export async function jobRecord(strapi: Core.Strapi, documentId: string): Promise<JobView> {
  return strapi.plugin('jobs').service('jobs').findOne(documentId, { userId: null, role: 'admin' });
}

/** Waits for a job's record to reach `status` and returns it. */
export function waitForStatus(strapi: Core.Strapi, documentId: string, status: string, timeoutMs = 20_000): Promise<JobView> {
  return waitFor(`job ${documentId} to be ${status}`, async () => {
    const record = await jobRecord(strapi, documentId);
    return record.status === status ? record : undefined;
  }, timeoutMs);
}

/** A `npm run worker` process (cms/scripts/worker.js) on this process's env plus `env`. */
export interface WorkerProcess {
  pid: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts a worker process and resolves once it reports ready (over IPC). */
export async function startWorkerProcess(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(appDir, 'scripts', 'worker.js')], {
    cwd: appDir,
    env: { ...process.env, ...NO_ENV_FILE, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 90_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    pid: child.pid as number,
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
