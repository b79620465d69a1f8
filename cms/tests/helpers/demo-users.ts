import path from 'node:path';
import { spawn } from 'node:child_process';
import { NO_ENV_FILE } from './no-env-file';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The users `seedDemoUsers` creates: one per role of config/roles.yaml, `<role>@example.com`. */
export const DEMO_ROLES = ['viewer', 'handler', 'publisher', 'admin'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

/**
 * Creates the demo users (`<role>@example.com`, password `password`) on `databaseUrl` with
 * `npm run seed:demo`'s script, in a process of its own: it boots the CMS without HTTP, which
 * also creates the schema and the roles, and exits. Run it before the CMS under test starts.
 */
export async function seedDemoUsers(databaseUrl: string, env: Record<string, string>, password: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'cms', 'scripts', 'seed-demo.js')], {
    cwd: repoRoot,
    env: { ...process.env, ...NO_ENV_FILE, ...env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || !/users: /.test(output)) throw new Error(`seed-demo failed (${code}):\n${output}`);
}
