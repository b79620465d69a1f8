import path from 'node:path';
import type { PipelineConfig, PipelineOverrides } from '../config/pipeline-config';
import { quadCropSize, rotateQuad180, rotateQuad90, type Quad } from '../geometry';
import type { OcrModels } from '../models/ocr-models';
import { classifyOrientation } from './classify-stage';
import { decodeImage } from './decode-image';
import { detectText } from './detect-stage';
import { sortReadingOrder } from './reading-order';
import { recognizeText } from './recognize-stage';
import { StageTimer, type StageTimings } from './stage-timer';

/** One recognised line; `box` is TL, TR, BR, BL in original (EXIF-upright) pixels. */
export interface OcrLine {
  text: string;
  confidence: number;
  box: Quad;
  /** Present when the classifier ran: 180 means the crop was read upside down. */
  angle?: 0 | 180;
}

/** The result for one image. */
export interface OcrImageResult {
  width: number;
  height: number;
  durationMs: number;
  lines: OcrLine[];
  timings: StageTimings;
}

/**
 * The OCR pipeline: decode → detect → reading order → (classify) → recognise, each a typed
 * stage timed by {@link StageTimer}. Stateless apart from the loaded models, so concurrent
 * calls are safe.
 */
export class OcrPipeline {
  constructor(
    private readonly models: OcrModels,
    readonly config: PipelineConfig,
  ) {}

  /** The model files in use (clients store them with every result, to know what read it). */
  get modelNames(): { det: string; rec: string; cls: string } {
    const name = (file: string) => path.basename(file, '.onnx');
    const { files } = this.models;
    return { det: name(files.det), rec: name(files.rec), cls: name(files.cls) };
  }

  /** Runs the whole pipeline on one encoded image. Throws `ImageInputError` for bad input. */
  async run(encoded: Buffer, overrides: PipelineOverrides = {}): Promise<OcrImageResult> {
    const started = performance.now();
    const cfg = this.config;
    const timer = new StageTimer();
    const image = await timer.run('decode', () => decodeImage(encoded, cfg.input));
    const det = { ...cfg.det, maxSide: overrides.maxSide ?? cfg.det.maxSide };
    const boxes = await timer.run('detect', () => detectText(this.models.det, image, det));
    const ordered = await timer.run('order', () => sortReadingOrder(boxes, (b) => b.quad, cfg.order.rowOverlap));
    // Tall crops hold vertical text: read them turned 90° (PaddleOCR's rot90 in get_rotate_crop_image).
    let readQuads = ordered.map((b) => {
      const { width, height } = quadCropSize(b.quad);
      return height >= cfg.crop.verticalRatio * width ? rotateQuad90(b.quad) : b.quad;
    });
    const useCls = overrides.cls ?? cfg.cls.enabled;
    let angles: (0 | 180)[] | undefined;
    if (useCls && readQuads.length > 0) {
      const orient = await timer.run('classify', () => classifyOrientation(this.models.cls, image, readQuads, cfg.cls));
      angles = orient.map((o) => o.angle);
      readQuads = readQuads.map((q, i) => (orient[i].angle === 180 ? rotateQuad180(q) : q));
    }
    const texts = await timer.run('recognize', () =>
      recognizeText(this.models.rec, image, readQuads, this.models.characters, cfg.rec),
    );
    const minConfidence = overrides.minConfidence ?? cfg.rec.minConfidence;
    let lines: OcrLine[] = [];
    ordered.forEach((b, i) => {
      const { text, confidence } = texts[i];
      if (!text.trim() || confidence < minConfidence) return;
      const line: OcrLine = { text, confidence: Math.round(confidence * 10000) / 10000, box: b.quad };
      if (angles) line.angle = angles[i];
      lines.push(line);
    });
    if (isUpsideDownPage(lines)) {
      // A page photographed upside down reads bottom-right to top-left in image coordinates:
      // sort in the page's own frame (boxes stay in image pixels).
      const { width: w, height: h } = image;
      const upright = (l: OcrLine) => rotateQuad180(l.box).map(([x, y]) => [w - x, h - y]) as Quad;
      const flipped = lines;
      lines = await timer.run('order', () => sortReadingOrder(flipped, upright, cfg.order.rowOverlap));
    }
    return {
      width: image.width,
      height: image.height,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      lines,
      timings: timer.timings,
    };
  }
}

/** True when the classifier turned most of the page's lines by 180°. Pure. */
export function isUpsideDownPage(lines: readonly Pick<OcrLine, 'angle'>[]): boolean {
  const flipped = lines.filter((l) => l.angle === 180).length;
  return flipped > 0 && flipped > lines.length - flipped;
}
