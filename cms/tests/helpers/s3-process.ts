import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './strapi-process';

const script = path.resolve(__dirname, '..', '..', '..', 'scripts', 's3-dev-server.js');

/**
 * The S3-compatible server `npm start` runs (scripts/s3-dev-server.js, s3rver) as a process of
 * its own on a free port, so a test can kill it mid-request and start it again on the same
 * port and data. `env` points the CMS at it; `objects()` lists what it holds on disk.
 */
export async function startS3Process(bucket = 'test-photos') {
  const port = await freePort();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3-process-'));
  let child: ChildProcess | undefined;

  async function start() {
    const c = spawn(process.execPath, [script, String(port), directory], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`s3 server did not start:\n${output}`)), 20_000);
      c.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('s3rver on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3 server exited (${code}):\n${output}`));
      });
    });
  }

  /** Kills it at once (SIGKILL): uploads in flight are cut, as when the server dies. */
  async function kill() {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await exited;
  }

  /** The object keys the bucket holds on disk (s3rver keeps `<key>._S3rver_object` files). */
  function objects(): string[] {
    const root = path.join(directory, bucket);
    if (!fs.existsSync(root)) return [];
    return (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((name) => name.endsWith('._S3rver_object'))
      .map((name) => name.slice(0, -'._S3rver_object'.length).split(path.sep).join('/'))
      .sort();
  }

  await start();
  return {
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    start,
    kill,
    objects,
    async destroy() {
      await kill();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
