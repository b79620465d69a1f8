import { startStrapiProcess } from './strapi-process';
import { startNginx, type Nginx } from './nginx';
import { startWorkerProcess, type WorkerProcess } from './jobs';

/**
 * The production shape on one machine: two CMS processes and two `npm run worker` processes on
 * `databaseUrl`, behind Debian's nginx with the load-balancer config docker-compose.yml uses.
 * Children inherit this process's env (secrets, REDIS_PREFIX, WORKERS=off for the CMS); each
 * is kept as soon as it is up, so `stop` ends it even when another one failed to start.
 */
export async function startScaleOut(databaseUrl: string) {
  const cms: Awaited<ReturnType<typeof startStrapiProcess>>[] = [];
  const workers: WorkerProcess[] = [];
  let nginx: Nginx | undefined;
  const stop = async () => {
    await nginx?.stop();
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all([...workers.map((w) => w.exited), ...cms.map((c) => c.stop())]);
  };
  const keep = <T>(list: T[], starting: Promise<T>) => starting.then((started) => void list.push(started));
  try {
    await Promise.all([
      keep(cms, startStrapiProcess(databaseUrl)),
      keep(cms, startStrapiProcess(databaseUrl)),
      keep(workers, startWorkerProcess()),
      keep(workers, startWorkerProcess()),
    ]);
    nginx = await startNginx(cms.map((c) => c.url.replace('http://', '')));
  } catch (error) {
    await stop();
    throw error;
  }
  return { cms, workers, nginx, stop };
}
