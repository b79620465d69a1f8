#!/usr/bin/env node
// Int8 experiment, step 1 (issue 16; not used by the service): runs the built pipeline
// (ocr-service/dist) on every other dev photo and writes each detector and recogniser input
// tensor to OUT_DIR (default <os temp dir>/ocr-calibration) as `<det|rec>_<n>.bin` (float32) + `.json`
// (dims) — the calibration data of quantize.py. `npm run build -w ocr-service` first.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.resolve(__dirname, '..', '..', 'dist');
const { loadOcrModels } = require(path.join(dist, 'models', 'ocr-models'));
const { OcrPipeline } = require(path.join(dist, 'pipeline', 'ocr-pipeline'));
const { DEFAULT_PIPELINE_CONFIG } = require(path.join(dist, 'config', 'pipeline-config'));
const { benchDir } = require(path.join(dist, 'bench', 'bench-corpus'));

const out = process.env.OUT_DIR || path.join(os.tmpdir(), 'ocr-calibration');

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const models = await loadOcrModels({ intraOpThreads: 2, interOpThreads: 1 });
  const counts = { det: 0, rec: 0 };
  for (const kind of ['det', 'rec']) {
    const session = models[kind];
    const run = session.run.bind(session);
    session.run = async (feeds, ...rest) => {
      const tensor = feeds[session.inputNames[0]];
      const n = counts[kind]++;
      fs.writeFileSync(path.join(out, `${kind}_${n}.bin`), Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
      fs.writeFileSync(path.join(out, `${kind}_${n}.json`), JSON.stringify(tensor.dims));
      return run(feeds, ...rest);
    };
  }
  const pipeline = new OcrPipeline(models, DEFAULT_PIPELINE_CONFIG);
  const dir = benchDir();
  // every other photo calibrates; all 30 are scored afterwards
  const photos = fs.readdirSync(dir).filter((f) => /^dev-\d+\.jpg$/.test(f)).sort().filter((_, i) => i % 2 === 0);
  for (const name of photos) await pipeline.run(fs.readFileSync(path.join(dir, name)));
  console.log(`${counts.det} detector and ${counts.rec} recogniser inputs from ${photos.length} photos → ${out}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
