import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { NO_ENV_FILE } from './no-env-file';

const appDir = path.resolve(__dirname, '..', '..');

// Two Strapi instances cannot share one module registry (the second load fails with
// "Duplicated item key"), and a second process is what production runs anyway.
const childScript = `
const { createStrapi } = require('@strapi/strapi');
const app = createStrapi({ appDir: process.cwd(), distDir: process.cwd() + '/dist', autoReload: false, serveAdminPanel: false });
app.load().then(() => app.listen()).then(() => console.log('STRAPI_READY'), (error) => {
  console.error(error);
  process.exit(1);
});
process.on('SIGTERM', () => app.destroy().finally(() => process.exit(0)));
`;

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Boots the compiled CMS in a child process on `databaseUrl` with this process's env plus
 * `env`; resolves to its base URL and a stop function once it listens.
 */
export async function startStrapiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number; output: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', childScript], {
    cwd: appDir,
    env: { ...process.env, ...NO_ENV_FILE, ...env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Strapi child did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('STRAPI_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Strapi child exited (${code}):\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    /** What it printed so far (its log), for a failing test's message. */
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
