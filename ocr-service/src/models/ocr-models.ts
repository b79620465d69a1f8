import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { resolveModelFiles, type ModelFiles } from './model-files';
import { foldAffineOps } from './onnx/fold-affine';
import { parseOnnxModel, serializeOnnxModel } from './onnx/onnx-model';

/** The three loaded sessions plus the CTC character table (index 0 = blank). */
export interface OcrModels {
  det: ort.InferenceSession;
  rec: ort.InferenceSession;
  cls: ort.InferenceSession;
  /** `['', ...dictionary lines, ' ']`: PaddleOCR's blank first and `use_space_char` last. */
  characters: string[];
  files: ModelFiles;
}

/** ONNX Runtime threading; intra-op threads parallelise one operator (one conv) across cores. */
export interface SessionOptions {
  intraOpThreads: number;
  interOpThreads: number;
  /**
   * Let idle ONNX Runtime worker threads busy-wait for the next task. Off by default: on a
   * small host shared with other services (and with two images in flight) spinning threads
   * take CPU from real work; measured ~20 % slower per image under load here.
   */
  spinning?: boolean;
  /**
   * Hand ONNX Runtime the models with their hard-swish and scalar affine ops folded
   * ({@link foldAffineOps}; default true). Measured on the dev photos: the same text and boxes,
   * a third less time per photo (README, speed levers). False loads the files as they are.
   */
  foldAffine?: boolean;
}

/** The model file's bytes, rewritten by {@link foldAffineOps} unless `fold` is false. */
export async function readModel(file: string, fold: boolean): Promise<Uint8Array> {
  const bytes = await readFile(file);
  if (!fold) return bytes;
  const model = parseOnnxModel(bytes);
  foldAffineOps(model);
  return serializeOnnxModel(model);
}

/** Loads all models once at start-up (a few hundred ms). */
export async function loadOcrModels(opts: SessionOptions, files = resolveModelFiles()): Promise<OcrModels> {
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: opts.intraOpThreads,
    interOpNumThreads: opts.interOpThreads,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    executionProviders: ['cpu'],
    // Flattened by onnxruntime-node into session config entries "session.intra_op.allow_spinning" etc.
    extra: {
      session: {
        intra_op: { allow_spinning: opts.spinning ? '1' : '0' },
        inter_op: { allow_spinning: opts.spinning ? '1' : '0' },
      },
    },
  };
  const fold = opts.foldAffine ?? true;
  const session = async (file: string) => ort.InferenceSession.create(await readModel(file, fold), sessionOptions);
  const [det, rec, cls, dict] = await Promise.all([
    session(files.det),
    session(files.rec),
    session(files.cls),
    readFile(files.dictionary, 'utf8'),
  ]);
  const lines = dict.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return { det, rec, cls, characters: ['', ...lines, ' '], files };
}

/** Releases the native sessions. */
export async function releaseOcrModels(m: OcrModels): Promise<void> {
  await Promise.all([m.det.release(), m.rec.release(), m.cls.release()]);
}
