import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { freePort } from './strapi-process';
import { waitFor } from './jobs';

const SERVER = '/usr/bin/redis-server';
const CLI = '/usr/bin/redis-cli';
const run = promisify(execFile);

/** One master of the test cluster: its port and the hash slots it owns. */
export interface ClusterMaster {
  port: number;
  slots: Array<[number, number]>;
}

async function startNode(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--appendonly', 'no', '--save', ''],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server :${port} did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server :${port} exited (${code}):\n${output}`));
    });
  });
  return child;
}

async function stopNode(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A client of one node only (no cluster redirections): what that node itself holds. */
export async function withNode<T>(port: number, work: (node: Redis) => Promise<T>): Promise<T> {
  const node = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
  await node.connect();
  try {
    return await work(node);
  } finally {
    // not QUIT: a sentinel of Redis 7.0 does not know it
    node.disconnect();
  }
}

/** The keys under `prefix` that node `port` holds itself (SCAN). */
export function keysOnNode(port: number, prefix: string): Promise<string[]> {
  return withNode(port, async (node) => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  });
}

/**
 * A Redis Cluster of three masters (no replicas) from the installed redis-server, on free
 * ports, joined with `redis-cli --cluster create`; resolves once every node says
 * `cluster_state:ok`.
 */
export async function startRedisCluster() {
  const ports = [await freePort(), await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-cluster-'));
  const children: ChildProcess[] = [];

  async function destroy() {
    await Promise.all(children.map(stopNode));
    fs.rmSync(dir, { recursive: true, force: true });
  }

  try {
    for (const port of ports) children.push(await startNode(port, dir));
    await run(CLI, ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    for (const port of ports) {
      await waitFor(`cluster_state:ok on :${port}`, () => withNode(port, async (node) => (await node.cluster('INFO')).includes('cluster_state:ok')), 20_000, 100);
    }
  } catch (error) {
    await destroy();
    throw error;
  }

  /** Each master with the slot ranges it serves, as the cluster itself reports them. */
  const masters = (): Promise<ClusterMaster[]> =>
    withNode(ports[0], async (node) => {
      const shards = await node.cluster('SLOTS');
      return ports.map((port) => ({ port, slots: shards.filter(([, , primary]) => primary?.[1] === port).map(([from, to]): [number, number] => [from, to]) }));
    });

  /** The port of the master serving `key`'s slot. */
  async function masterOf(key: string): Promise<number> {
    const slot = await withNode(ports[0], (node) => node.cluster('KEYSLOT', key));
    const owner = (await masters()).find((m) => m.slots.some(([from, to]) => slot >= from && slot <= to));
    if (!owner) throw new Error(`no master serves slot ${slot}`);
    return owner.port;
  }

  return {
    ports,
    /** The REDIS_CLUSTER_NODES value for this cluster. */
    nodes: ports.map((p) => `127.0.0.1:${p}`).join(','),
    masters,
    masterOf,
    /** Stops every node and deletes their files. */
    destroy,
  };
}
