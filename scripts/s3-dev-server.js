// A local S3-compatible server (s3rver) for development: `npm start` runs it when S3_ENDPOINT
// points at 127.0.0.1. It does not check signatures or bucket privacy; MinIO does, in
// docker-compose. Usage: node scripts/s3-dev-server.js <port> <directory>
const fs = require('node:fs');
const path = require('node:path');
const S3rver = require('s3rver');

const port = Number(process.argv[2] ?? 4569);
const directory = path.resolve(process.argv[3] ?? path.join(__dirname, '..', '.data', 's3'));
fs.mkdirSync(directory, { recursive: true });

const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true });
server.run().then(
  ({ port: bound }) => console.log(`s3rver on http://127.0.0.1:${bound} (data in ${directory})`),
  (error) => {
    console.error(`s3rver could not start: ${error.message}`);
    process.exit(1);
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().finally(() => process.exit(0)));
