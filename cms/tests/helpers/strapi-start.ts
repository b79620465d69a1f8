import path from 'node:path';
import { spawn } from 'node:child_process';
import { NO_ENV_FILE } from './no-env-file';
import { freePort } from './strapi-process';

const appDir = path.resolve(__dirname, '..', '..');
const CLI = path.resolve(appDir, '..', 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/**
 * The CMS as production starts it — Strapi's CLI `strapi start` run by node itself in cms/, the
 * Dockerfile's CMD and what `npm start` runs last (not through npx: npm exec and its `sh -c`
 * die on SIGTERM without passing it on) — on `databaseUrl` with this process's env plus `env`.
 * Resolves once `/_health` answers; `exited` settles with the exit code and signal.
 */
export async function startProductionCms(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'start'], {
    cwd: appDir,
    env: { ...process.env, ...NO_ENV_FILE, ...env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`strapi start exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${url}/_health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`strapi start did not answer within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid as number,
    exited,
    output: () => output,
    signal: (signal: NodeJS.Signals) => child.kill(signal),
  };
}
