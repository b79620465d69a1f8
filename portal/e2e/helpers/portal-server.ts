import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { freePort } from '../../../cms/tests/helpers/strapi-process';

/** The portal workspace. */
export const portalDir = path.resolve(__dirname, '..', '..');
const vite = path.join(portalDir, 'node_modules', 'vite', 'bin', 'vite.js');
const manifest = path.join(portalDir, 'dist', '.vite', 'manifest.json');

/** The newest modification time under `entry` (a file or a folder). */
function newest(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

/** Builds the portal (`vite build`) unless dist/ is newer than every source file. */
export function ensurePortalBuild(): void {
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newest(path.join(portalDir, p)));
  if (fs.existsSync(manifest) && fs.statSync(manifest).mtimeMs > Math.max(...sources)) return;
  // jest runs with NODE_ENV=test, which would make Vite bundle React's development build
  const build = spawnSync(process.execPath, [vite, 'build'], {
    cwd: portalDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`portal build failed:\n${build.stdout}\n${build.stderr}`);
}

/**
 * Serves the production build with `vite preview` (what `npm start` runs), its /api proxied to
 * `apiTarget`; resolves to its URL once it answers.
 */
export async function startPortal(apiTarget: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: portalDir,
    env: { ...process.env, PORTAL_API_TARGET: apiTarget, PORTAL_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`vite preview did not answer: ${String(error)}\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
