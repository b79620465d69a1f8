import { loadServiceConfig } from './config/service-config';
import { createOcrServer } from './server/ocr-server';

/** Entry point: read the environment, listen, load the models, drain on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadServiceConfig();
  const server = await createOcrServer(config);
  await server.listen();
  server.ready.then(
    () => server.app.log.info({ threads: config.intraOpThreads, concurrency: config.concurrency }, 'models loaded, ready'),
    () => process.exit(1),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
