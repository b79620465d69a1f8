import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './strapi-process';
import { waitFor } from './jobs';
import { withNode } from './redis-cluster';

const SERVER = '/usr/bin/redis-server';
/** The name the sentinel monitors the primary under (REDIS_SENTINEL_NAME). */
export const SENTINEL_NAME = 'tickets';

async function start(args: string[], what: string): Promise<ChildProcess> {
  const child = spawn(SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections') || output.includes('+monitor master')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}):\n${output}`));
    });
  });
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * A primary, its replica and one sentinel watching them (quorum 1), from the installed
 * redis-server on free ports; resolves once the sentinel knows the replica, so a failover
 * can promote it. `sentinels` is the REDIS_SENTINELS value for it.
 */
export async function startRedisSentinel() {
  const [primary, replica, sentinel] = [await freePort(), await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-sentinel-'));
  const children: ChildProcess[] = [];
  const common = ['--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'no', '--save', ''];

  async function destroy() {
    await Promise.all(children.map(stop));
    fs.rmSync(dir, { recursive: true, force: true });
  }

  /** The primary's port, as the sentinel names it. */
  const primaryPort = () =>
    withNode(sentinel, async (node) => Number(((await node.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_NAME)) as string[])[1]));

  try {
    children.push(await start(['--port', String(primary), ...common], 'primary'));
    children.push(await start(['--port', String(replica), '--replicaof', '127.0.0.1', String(primary), ...common], 'replica'));
    const conf = path.join(dir, 'sentinel.conf');
    fs.writeFileSync(conf, [`port ${sentinel}`, 'bind 127.0.0.1', `dir ${dir}`, `sentinel monitor ${SENTINEL_NAME} 127.0.0.1 ${primary} 1`, `sentinel down-after-milliseconds ${SENTINEL_NAME} 1000`, `sentinel failover-timeout ${SENTINEL_NAME} 5000`, ''].join('\n'));
    children.push(await start([conf, '--sentinel'], 'sentinel'));
    await waitFor('the sentinel to know the replica', () => withNode(sentinel, async (node) => ((await node.call('SENTINEL', 'REPLICAS', SENTINEL_NAME)) as unknown[]).length === 1), 20_000, 200);
  } catch (error) {
    await destroy();
    throw error;
  }

  return {
    primary,
    replica,
    sentinels: `127.0.0.1:${sentinel}`,
    primaryPort,
    /** Makes the sentinel promote the replica, and waits until it names the replica the primary. */
    async failover() {
      await withNode(sentinel, (node) => node.call('SENTINEL', 'FAILOVER', SENTINEL_NAME));
      await waitFor('the replica to be the primary', async () => (await primaryPort()) === replica, 20_000, 200);
      await waitFor('the promoted replica to take writes', () => withNode(replica, async (node) => (await node.role())[0] === 'master'), 20_000, 200);
    },
    /** Stops all three and deletes their files. */
    destroy,
  };
}
