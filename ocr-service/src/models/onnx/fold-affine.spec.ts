import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { resolveModelFiles } from '../model-files';
import { foldAffineOps } from './fold-affine';
import { parseOnnxModel, serializeOnnxModel } from './onnx-model';

const files = resolveModelFiles();

const form = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'dev', 'dev-001.jpg');

/**
 * A real form squeezed to `dims` (each batch item the same), scaled to -1…1: text in the
 * input, so the detector's map and the recogniser's probabilities are not all near zero.
 */
async function input([batch, channels, height, width]: readonly number[]): Promise<ort.Tensor> {
  const rgb = await sharp(form).resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const plane = height * width;
  const data = new Float32Array(batch * channels * plane);
  for (let b = 0; b < batch; b++)
    for (let c = 0; c < channels; c++)
      for (let p = 0; p < plane; p++) data[(b * channels + c) * plane + p] = rgb[p * 3 + c] / 127.5 - 1;
  return new ort.Tensor('float32', data, [batch, channels, height, width]);
}

async function runOnce(model: Uint8Array, dims: readonly number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, graphOptimizationLevel: 'all' });
  try {
    const out = await session.run({ [session.inputNames[0]]: await input(dims) });
    return out[session.outputNames[0]].data as Float32Array;
  } finally {
    await session.release();
  }
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('ONNX model editing', () => {
  it.each(['det', 'rec', 'cls'] as const)('reads and writes the %s model back byte for byte', (kind) => {
    const bytes = readFileSync(files[kind]);
    expect(Buffer.compare(Buffer.from(serializeOnnxModel(parseOnnxModel(bytes))), bytes)).toBe(0);
  });
});

describe('foldAffineOps', () => {
  const cases = [
    { kind: 'det', dims: [1, 3, 320, 320], hardSwish: 24, foldedIntoConv: 76 },
    { kind: 'rec', dims: [2, 3, 48, 320], hardSwish: 28, foldedIntoConv: 80 },
    { kind: 'cls', dims: [2, 3, 48, 192], hardSwish: 18, foldedIntoConv: 0 },
  ] as const;

  it.each(cases)('rewrites the $kind model into the same function', async ({ kind, dims, hardSwish, foldedIntoConv }) => {
    const bytes = readFileSync(files[kind]);
    const model = parseOnnxModel(bytes);
    expect(foldAffineOps(model)).toEqual({ hardSwish, foldedIntoConv });
    expect(model.nodes.filter((n) => n.opType === 'Clip')).toHaveLength(0);
    const [original, folded] = await Promise.all([runOnce(bytes, dims), runOnce(serializeOnnxModel(model), dims)]);
    expect(folded).toHaveLength(original.length);
    expect(original.reduce((m, v) => Math.max(m, v), 0)).toBeGreaterThan(0.5); // the input did light something up
    // Probabilities (sigmoid / softmax): only float rounding may differ.
    expect(maxAbsDiff(original, folded)).toBeLessThan(1e-4);
  });
});
