import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { freePort } from '../../cms/tests/helpers/strapi-process';
import { portalDir } from '../e2e/helpers/portal-server';

const vite = path.join(portalDir, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * A second portal for the CPU profile: the same sources built without minification and with
 * source maps (so the profile names functions), in a folder of its own (dist/ stays as the
 * tests use it), served by `vite preview` with /api proxied to `apiTarget`.
 */
export async function startProfilingPortal(apiTarget: string) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-profile-'));
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync(process.execPath, [vite, 'build', '--minify', 'false', '--sourcemap', '--outDir', outDir, '--emptyOutDir'], {
    cwd: portalDir,
    encoding: 'utf8',
    env,
  });
  if (build.status !== 0) throw new Error(`profiling build failed:\n${build.stderr}`);
  const port = await freePort();
  const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd: portalDir,
    env: { ...env, PORTAL_API_TARGET: apiTarget, PORTAL_PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch (error) {
      if (tries > 150) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    outDir,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}
