import path from 'node:path';
import type { PipelineConfig, PipelineOverrides } from '../config/pipeline-config';
import { rotateQuad180, type PageRotation, type Quad } from '../geometry';
import { InferenceLane, type OnnxModel } from '../models/inference-lane';
import type { OcrModels } from '../models/ocr-models';
import { analysePage, type AnalysedPage } from './page-analysis';
import { sortReadingOrder } from './reading-order';
import { recognizeText } from './recognize-stage';
import { StageTimer, type StageTimings } from './stage-timer';

/** One recognised line; `box` is TL, TR, BR, BL in original (EXIF-upright) pixels. */
export interface OcrLine {
  text: string;
  /** Mean probability of the line's characters. */
  confidence: number;
  /** Probability of each character, one per code point of `text`, in order. */
  charConfidences: number[];
  box: Quad;
  /** Present when the classifier ran: 180 means the line was read upside down. */
  angle?: 0 | 180;
}

/** The result for one image. */
export interface OcrImageResult {
  width: number;
  height: number;
  /** Clockwise turn applied to the image to read the page (90/270: held sideways, 180: upside down). */
  rotation: PageRotation;
  durationMs: number;
  lines: OcrLine[];
  timings: StageTimings;
}

/** A page analysed and waiting to be read, with its clock. */
export interface PendingPage {
  page: AnalysedPage;
  timer: StageTimer;
  started: number;
}

const round4 = (v: number) => Math.round(v * 10000) / 10000;

/**
 * The OCR pipeline. A request's images are each analysed (decode → detect → orientation →
 * order → classify, {@link analysePage}), then all their lines are recognised together, so
 * recognition batches fill up across images. Model runs go through one {@link InferenceLane}.
 * Stateless apart from the loaded models, so concurrent calls are safe.
 */
export class OcrPipeline {
  private readonly det: OnnxModel;
  private readonly rec: OnnxModel;
  private readonly cls: OnnxModel;

  constructor(
    private readonly models: OcrModels,
    readonly config: PipelineConfig,
    lane = new InferenceLane(1),
  ) {
    [this.det, this.rec, this.cls] = [models.det, models.rec, models.cls].map((m) => lane.bind(m));
  }

  /** The model files in use (clients store them with every result, to know what read it). */
  get modelNames(): { det: string; rec: string; cls: string } {
    const name = (file: string) => path.basename(file, '.onnx');
    const { files } = this.models;
    return { det: name(files.det), rec: name(files.rec), cls: name(files.cls) };
  }

  /** First half, one image: everything up to recognition. Throws `ImageInputError` for bad input. */
  async analyse(encoded: Buffer, overrides: PipelineOverrides = {}): Promise<PendingPage> {
    const started = performance.now();
    const timer = new StageTimer();
    const page = await analysePage(encoded, overrides, { det: this.det, cls: this.cls, config: this.config }, timer);
    return { page, timer, started };
  }

  /** Second half, any number of images at once: recognises every line, returns one result per page. */
  async read(pending: readonly PendingPage[], overrides: PipelineOverrides = {}): Promise<OcrImageResult[]> {
    const crops = pending.flatMap(({ page }) => page.lines.map((l) => ({ image: page.readImage, quad: l.readQuad })));
    const started = performance.now();
    const texts = await recognizeText(this.rec, crops, this.models.characters, this.config.rec);
    const recMs = performance.now() - started;
    const minConfidence = overrides.minConfidence ?? this.config.rec.minConfidence;
    let offset = 0;
    return pending.map(({ page, timer, started: pageStarted }) => {
      const mine = texts.slice(offset, offset + page.lines.length);
      offset += page.lines.length;
      // A shared batch has no per-image time: each image is charged its share of the lines.
      timer.timings.recognize = crops.length > 0 ? (recMs * mine.length) / crops.length : 0;
      return {
        width: page.width,
        height: page.height,
        rotation: page.rotation,
        durationMs: Math.round((performance.now() - pageStarted) * 10) / 10,
        lines: this.keptLines(page, mine, minConfidence),
        timings: timer.timings,
      };
    });
  }

  /** Both halves for one image. */
  async run(encoded: Buffer, overrides: PipelineOverrides = {}): Promise<OcrImageResult> {
    const [result] = await this.read([await this.analyse(encoded, overrides)], overrides);
    return result;
  }

  private keptLines(page: AnalysedPage, texts: readonly { text: string; confidence: number; charConfidences: number[] }[], minConfidence: number): OcrLine[] {
    const lines: OcrLine[] = [];
    page.lines.forEach((l, i) => {
      const { text, confidence, charConfidences } = texts[i];
      if (!text.trim() || confidence < minConfidence) return;
      const line: OcrLine = { text, confidence: round4(confidence), charConfidences: charConfidences.map(round4), box: l.box };
      if (l.angle !== undefined) line.angle = l.angle;
      lines.push(line);
    });
    if (page.rotation !== 0 || !isUpsideDownPage(lines)) return lines;
    // The page check missed an upside-down page the classifier then found line by line: it
    // reads bottom-right to top-left in image coordinates, so sort in the page's own frame.
    const { width: w, height: h } = page;
    const upright = (l: OcrLine) => rotateQuad180(l.box).map(([x, y]) => [w - x, h - y]) as Quad;
    return sortReadingOrder(lines, upright, this.config.order.rowOverlap);
  }
}

/** True when the classifier turned most of the page's lines by 180°. Pure. */
export function isUpsideDownPage(lines: readonly Pick<OcrLine, 'angle'>[]): boolean {
  const flipped = lines.filter((l) => l.angle === 180).length;
  return flipped > 0 && flipped > lines.length - flipped;
}
