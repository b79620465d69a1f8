import * as ort from 'onnxruntime-node';
import type { OcrModels } from './ocr-models';

/**
 * Runs each model once on a blank input of a typical size before the service says it is
 * ready. ONNX Runtime sizes its memory arena and pre-packs weights on the first run, which
 * otherwise makes the first real request several times slower than the rest.
 */
export async function warmUpModels(models: OcrModels): Promise<void> {
  const blank = (dims: number[]) => new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)), dims);
  const runs: [ort.InferenceSession, number[]][] = [
    [models.det, [1, 3, 960, 960]],
    [models.cls, [8, 3, 48, 192]],
    [models.rec, [8, 3, 48, 320]],
  ];
  for (const [session, dims] of runs) {
    const out = await session.run({ [session.inputNames[0]]: blank(dims) });
    for (const t of Object.values(out)) t.dispose();
  }
}
