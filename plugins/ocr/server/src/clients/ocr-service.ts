/** A point in image pixels. */
export type Point = [number, number];

/** One recognised line, as the OCR service returns it (reading order). */
export interface OcrLine {
  text: string;
  confidence: number;
  /** One 0–1 probability per code point of `text` (absent in results stored before the service returned them). */
  charConfidences?: number[];
  box: [Point, Point, Point, Point];
}

/** The OCR service's answer for one image: its lines, or why it could not be read. */
export type OcrImageAnswer =
  | { width: number; height: number; durationMs: number; lines: OcrLine[] }
  | { error: { code: string; message: string } };

/** Which models read the batch. */
export interface OcrModelInfo {
  engine: string;
  det: string;
  rec: string;
  cls?: string;
}

/** A failed call to the OCR service; `retryable` when a later try may succeed (down, busy, 5xx). */
export class OcrServiceError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Sends one batch of images to `POST {serviceUrl}/v1/ocr`; one answer per image, in order. */
export async function recognise(
  serviceUrl: string,
  images: { name: string; bytes: Buffer }[],
  timeoutMs: number,
): Promise<{ answers: OcrImageAnswer[]; model: OcrModelInfo | null }> {
  const form = new FormData();
  for (const image of images) form.append('images', new Blob([image.bytes]), image.name);
  const url = `${serviceUrl.replace(/\/+$/, '')}/v1/ocr`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new OcrServiceError(`OCR service at ${serviceUrl} is unreachable (${cause})`, true);
  }
  if (!res.ok) {
    const detail = (await res.text().catch(() => '')).slice(0, 200);
    const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
    throw new OcrServiceError(`OCR service at ${serviceUrl} answered ${res.status}: ${detail}`, retryable);
  }
  const body = (await res.json()) as { results?: OcrImageAnswer[]; model?: OcrModelInfo };
  if (!Array.isArray(body.results) || body.results.length !== images.length) {
    throw new OcrServiceError(`OCR service at ${serviceUrl} answered ${body.results?.length ?? 'no'} results for ${images.length} images`, true);
  }
  return { answers: body.results, model: body.model ?? null };
}
