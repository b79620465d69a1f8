#!/usr/bin/env node
// End-to-end OCR measurement, step 1: runs the repo's OCR service (ocr-service/dist, real
// ONNX models) on the dev photos and writes what it read to test-fixtures/ocr-dev-predicted.json
// — the snapshot the quality spec then scores the suggester on (`npm run bench -w
// strapi-plugin-ocr` does both). Photos: OCR_DEV_DIR, default the repo's datasets/ocr-dev.
//
// With --degraded it reads instead blurred copies of the same photos (made here with sharp,
// deterministic: Gaussian blur of each sigma in DEGRADATIONS, then JPEG quality 60) and writes
// test-fixtures/ocr-dev-degraded-predicted.json: misreads to choose the unsure-reading
// threshold on (`npm run unsure-threshold -w strapi-plugin-ocr`; the dev photos as printed
// are read almost without error, so they alone cannot show which confidences mark a misread).
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const repo = path.resolve(__dirname, '..', '..', '..');
const photosDir = path.resolve(process.env.OCR_DEV_DIR ?? path.join(repo, 'datasets', 'ocr-dev'));
const degraded = process.argv.includes('--degraded');
const output = path.join(__dirname, '..', 'test-fixtures', degraded ? 'ocr-dev-degraded-predicted.json' : 'ocr-dev-predicted.json');
// Blur sigmas of the degraded copies, in pixels of the photo as stored (650–1900 px wide).
const DEGRADATIONS = (process.env.OCR_DEGRADE_SIGMAS ?? '1.5,2,2.5,3').split(',').map(Number);

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

/** The photos to read: `[key, bytes]`, the dev photos as stored or their blurred copies. */
async function inputs(photos) {
  const read = (name) => fs.readFileSync(path.join(photosDir, name));
  if (!degraded) return photos.map((name) => [name, read(name)]);
  const sharp = require('sharp');
  const out = [];
  for (const sigma of DEGRADATIONS) {
    for (const name of photos) {
      const bytes = await sharp(read(name)).blur(sigma).jpeg({ quality: 60 }).toBuffer();
      out.push([`${name}@blur${sigma}`, bytes]);
    }
  }
  return out;
}

async function main() {
  const photos = fs.readdirSync(photosDir).filter((f) => /^dev-\d+\.jpg$/.test(f)).sort();
  if (!photos.length) throw new Error(`no dev-NNN.jpg in ${photosDir} (set OCR_DEV_DIR)`);
  const images = await inputs(photos);
  const { url, child } = await startService();
  try {
    const predicted = {};
    const started = Date.now();
    for (const [key, bytes] of images) {
      const form = new FormData();
      form.append('images', new Blob([bytes]), key.replace(/@.*/, ''));
      const res = await fetch(`${url}/v1/ocr`, { method: 'POST', body: form });
      if (!res.ok) throw new Error(`${key}: the OCR service answered ${res.status}`);
      const [result] = (await res.json()).results;
      if (result.error) throw new Error(`${key}: ${result.error.message}`);
      predicted[key] = {
        lines: result.lines.map((l) => ({
          text: l.text,
          confidence: round(l.confidence),
          charConfidences: l.charConfidences.map(round),
          box: l.box.map(([x, y]) => [Math.round(x), Math.round(y)]),
        })),
      };
    }
    fs.writeFileSync(output, `${JSON.stringify(predicted)}\n`);
    console.log(`read ${images.length} photos in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(repo, output)}`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
