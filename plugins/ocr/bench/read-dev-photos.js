#!/usr/bin/env node
// End-to-end OCR measurement, step 1: runs the repo's OCR service (ocr-service/dist, real
// ONNX models) on the dev photos and writes what it read to test-fixtures/ocr-dev-predicted.json
// — the snapshot the quality spec then scores the suggester on (`npm run bench -w
// strapi-plugin-ocr` does both). Photos: OCR_DEV_DIR, default the repo's datasets/ocr-dev.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const repo = path.resolve(__dirname, '..', '..', '..');
const photosDir = path.resolve(process.env.OCR_DEV_DIR ?? path.join(repo, 'datasets', 'ocr-dev'));
const output = path.join(__dirname, '..', 'test-fixtures', 'ocr-dev-predicted.json');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function startService() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repo, 'ocr-service', 'dist', 'main.js')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    if (await fetch(`${url}/ready`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the OCR service did not become ready');
}

const round = (n) => Math.round(n * 10000) / 10000;

async function main() {
  const photos = fs.readdirSync(photosDir).filter((f) => /^dev-\d+\.jpg$/.test(f)).sort();
  if (!photos.length) throw new Error(`no dev-NNN.jpg in ${photosDir} (set OCR_DEV_DIR)`);
  const { url, child } = await startService();
  try {
    const predicted = {};
    const started = Date.now();
    for (const name of photos) {
      const form = new FormData();
      form.append('images', new Blob([fs.readFileSync(path.join(photosDir, name))]), name);
      const res = await fetch(`${url}/v1/ocr`, { method: 'POST', body: form });
      if (!res.ok) throw new Error(`${name}: the OCR service answered ${res.status}`);
      const [result] = (await res.json()).results;
      if (result.error) throw new Error(`${name}: ${result.error.message}`);
      predicted[name] = {
        lines: result.lines.map((l) => ({ text: l.text, confidence: round(l.confidence), box: l.box.map(([x, y]) => [Math.round(x), Math.round(y)]) })),
      };
    }
    fs.writeFileSync(output, `${JSON.stringify(predicted)}\n`);
    console.log(`read ${photos.length} photos in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(repo, output)}`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
