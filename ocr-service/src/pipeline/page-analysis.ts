import type { PipelineConfig, PipelineOverrides } from '../config/pipeline-config';
import { quadCropSize, rotateQuad, rotateQuad180, rotateQuad90, unrotateQuad, type PageRotation, type Quad } from '../geometry';
import type { OnnxModel } from '../models/inference-lane';
import { classifyOrientation } from './classify-stage';
import { decodeImage } from './decode-image';
import { detectText } from './detect-stage';
import { choosePageRotation, looksSideways } from './page-orientation';
import { sortReadingOrder } from './reading-order';
import type { RgbImage } from './rgb-image';
import { rotateImage } from './rotate-image';
import type { StageTimer } from './stage-timer';

/** A detected line, ready to be read. */
export interface PageLine {
  /** In the original (EXIF-upright) image's pixels, corners TL, TR, BR, BL of that image. */
  box: Quad;
  /** In `readImage`, first corner at the text's top-left: what the recogniser samples. */
  readQuad: Quad;
  /** With the classifier: 180 when the line was upside down (see `OcrLine.angle`). */
  angle?: 0 | 180;
}

/** A page decoded, turned upright and laid out in reading order, not yet read. */
export interface AnalysedPage {
  width: number;
  height: number;
  /** Clockwise turn applied to the image to read it. */
  rotation: PageRotation;
  /** The image turned by `rotation`. */
  readImage: RgbImage;
  lines: PageLine[];
}

/** The models and settings {@link analysePage} works with. */
export interface AnalysisContext {
  det: OnnxModel;
  cls: OnnxModel;
  config: PipelineConfig;
}

/**
 * Decode → detect → page orientation → reading order → (per-line classifier). A page held
 * sideways is turned and detected again (its first boxes are fragments of tall lines); an
 * upside-down one is turned and keeps its boxes. Throws `ImageInputError` for bad input.
 */
export async function analysePage(
  encoded: Buffer,
  overrides: PipelineOverrides,
  ctx: AnalysisContext,
  timer: StageTimer,
): Promise<AnalysedPage> {
  const cfg = ctx.config;
  const image = await timer.run('decode', () => decodeImage(encoded, cfg.input));
  const det = { ...cfg.det, maxSide: overrides.maxSide ?? cfg.det.maxSide };
  let quads = (await timer.run('detect', () => detectText(ctx.det, image, det))).map((b) => b.quad);
  const useCls = overrides.cls ?? cfg.cls.enabled;
  let rotation: PageRotation = 0;
  let readImage = image;
  if (cfg.orientation.enabled && quads.length > 0) {
    const checkUpsideDown = useCls && cfg.orientation.upsideDownCheck;
    rotation = await timer.run('orient', () => choosePageRotation(ctx.cls, image, quads, cfg, checkUpsideDown));
    if (rotation === 180) {
      readImage = await timer.run('orient', () => rotateImage(image, 180));
      quads = quads.map((q) => rotateQuad(q, 180, image.width, image.height));
    } else if (rotation !== 0) {
      const turned = await timer.run('orient', () => rotateImage(image, rotation));
      const again = (await timer.run('detect', () => detectText(ctx.det, turned, det))).map((b) => b.quad);
      // Still mostly tall lines once turned: vertical writing, not a sideways page.
      if (looksSideways(again, cfg.orientation)) rotation = 0;
      else [readImage, quads] = [turned, again];
    }
  }
  const ordered = await timer.run('order', () => sortReadingOrder(quads, (q) => q, cfg.order.rowOverlap));
  // Tall crops hold vertical text: read them turned 90° (PaddleOCR's rot90 in get_rotate_crop_image).
  let readQuads = ordered.map((q) => {
    const { width, height } = quadCropSize(q);
    return height >= cfg.crop.verticalRatio * width ? rotateQuad90(q) : q;
  });
  let angles: (0 | 180)[] | undefined;
  if (useCls && readQuads.length > 0) {
    const orient = await timer.run('classify', () => classifyOrientation(ctx.cls, readImage, readQuads, cfg.cls));
    angles = orient.map((o) => o.angle);
    readQuads = readQuads.map((q, i) => (orient[i].angle === 180 ? rotateQuad180(q) : q));
  }
  const { width, height } = image.uploaded ?? image;
  const [sx, sy] = [width / image.width, height / image.height];
  const toUploaded = (q: Quad) =>
    unrotateQuad(q, rotation, image.width, image.height).map(([x, y]) => [Math.round(x * sx), Math.round(y * sy)]) as Quad;
  const lines = ordered.map((q, i): PageLine => {
    const line: PageLine = { box: toUploaded(q), readQuad: readQuads[i] };
    // Against the image for upright and upside-down pages (as before page turning existed);
    // against the turned page for sideways ones, where 0/180 against the image means nothing.
    if (angles) line.angle = rotation === 180 ? (angles[i] === 180 ? 0 : 180) : angles[i];
    return line;
  });
  // A shrunk decode reports the uploaded image's size, which its boxes are in.
  return { width, height, rotation, readImage, lines };
}
