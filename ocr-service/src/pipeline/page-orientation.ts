import type { PipelineConfig } from '../config/pipeline-config';
import { quadCropSize, rotateQuad90, type PageRotation, type Quad } from '../geometry';
import type { OnnxModel } from '../models/inference-lane';
import { classifyOrientation } from './classify-stage';
import type { RgbImage } from './rgb-image';

type OrientationConfig = PipelineConfig['orientation'];

/** Boxes clearly longer one way than the other, split by which way: these tell the page's orientation. */
export function lineShapes(quads: readonly Quad[], lineAspect: number): { wide: Quad[]; tall: Quad[] } {
  const wide: Quad[] = [];
  const tall: Quad[] = [];
  for (const q of quads) {
    const { width, height } = quadCropSize(q);
    if (width >= lineAspect * height) wide.push(q);
    else if (height >= lineAspect * width) tall.push(q);
  }
  return { wide, tall };
}

/**
 * True when the text lines mostly stand tall: a page photographed sideways (horizontal text
 * turned by 90°). Pages of vertical writing look the same, so the caller keeps the turn only
 * if the turned page then reads as horizontal lines. Pure.
 */
export function looksSideways(quads: readonly Quad[], cfg: Pick<OrientationConfig, 'lineAspect' | 'sidewaysShare'>): boolean {
  const { wide, tall } = lineShapes(quads, cfg.lineAspect);
  return tall.length >= 2 && tall.length >= cfg.sidewaysShare * (wide.length + tall.length);
}

/** The `n` largest quads: long lines give the classifier the most to go on. Pure. */
export function largestQuads(quads: readonly Quad[], n: number): Quad[] {
  const area = (q: Quad) => {
    const { width, height } = quadCropSize(q);
    return width * height;
  };
  return [...quads].sort((a, b) => area(b) - area(a)).slice(0, n);
}

/**
 * The clockwise turn that makes the page upright, from the detector's boxes and the 0°/180°
 * classifier on a few lines. Sideways (most lines tall): the tall lines are read turned 90°
 * counter-clockwise; if that reads upright, the page needs 270° clockwise, else 90°. Otherwise
 * the page is upside down (180°) only when most sampled wide lines are confidently so; that
 * check costs a classifier batch (≈ 20 ms a page here), so it runs only when `checkUpsideDown`
 * (the request asked for the classifier anyway). Upright pages without it pay nothing.
 */
export async function choosePageRotation(
  cls: OnnxModel,
  image: RgbImage,
  quads: readonly Quad[],
  cfg: { orientation: OrientationConfig; cls: PipelineConfig['cls'] },
  checkUpsideDown: boolean,
): Promise<PageRotation> {
  const { wide, tall } = lineShapes(quads, cfg.orientation.lineAspect);
  const sampleCfg = { ...cfg.cls, batchSize: cfg.orientation.sampleSize };
  if (looksSideways(quads, cfg.orientation)) {
    const sample = largestQuads(tall, cfg.orientation.sampleSize).map(rotateQuad90);
    const verdicts = await classifyOrientation(cls, image, sample, sampleCfg);
    const meanUpsideDown = verdicts.reduce((s, v) => s + v.upsideDown, 0) / verdicts.length;
    return meanUpsideDown < 0.5 ? 270 : 90;
  }
  if (!checkUpsideDown || wide.length === 0) return 0;
  const sample = largestQuads(wide, cfg.orientation.sampleSize);
  const verdicts = await classifyOrientation(cls, image, sample, sampleCfg);
  const flipped = verdicts.filter((v) => v.angle === 180).length;
  return flipped * 2 > verdicts.length ? 180 : 0;
}
