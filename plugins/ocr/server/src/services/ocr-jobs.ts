import type { Core } from '@strapi/strapi';
import { InvalidError, NotFoundError } from 'strapi-plugin-access';
import { OCR_QUEUE } from '../constants';
import type { OcrConfig } from '../config';
import { OcrServiceError, recognise } from '../clients/ocr-service';
import { queuesService, UnrecoverableJobError, type OcrJobContext, type JobRecord } from '../clients/jobs-plugin';
import { ticketingService, type PhotoRef } from '../clients/ticketing-plugin';
import { getService } from '../utils/get-service';

/** The payload of an OCR job: ids only. */
export interface OcrJobData {
  ticket: string;
  images: string[];
}

/** A photo the OCR service could not read (the others are still read). */
export interface OcrFailure {
  image: string;
  reason: string;
}

/** What a finished OCR job reports. */
export interface OcrJobResult {
  ticket: string;
  images: number;
  read: number;
  lines: number;
  failed: OcrFailure[];
}

/** Saved after each batch, so a retry or another worker resumes after the photos already read. */
export interface OcrStep {
  done: string[];
  lines: number;
  failed: OcrFailure[];
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** OCR of a ticket's photos as jobs of the `ocr` queue: start one, and the processor that runs it. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::ocr') as OcrConfig;
  let queue: ReturnType<ReturnType<typeof queuesService>['registerQueue']> | undefined;

  /** Step 1: the job's photos that still exist, in the ticket's order. */
  async function photosToRead(data: OcrJobData): Promise<PhotoRef[]> {
    const stored = await ticketingService(strapi, 'photos')
      .stored(data.ticket)
      .catch((error: Error) => {
        if (error instanceof NotFoundError) throw new UnrecoverableJobError(`Ticket ${data.ticket} no longer exists`);
        throw error;
      });
    const wanted = stored.filter((p) => data.images.includes(p.id));
    if (!wanted.length) throw new UnrecoverableJobError(`None of the photos of ticket ${data.ticket} to read exists any more`);
    return wanted;
  }

  /** Step 2, per batch: read the photos from storage, send them to the OCR service, store each result. */
  async function readBatch(ctx: OcrJobContext<OcrJobData, OcrStep>, batch: PhotoRef[], step: OcrStep) {
    const photos = ticketingService(strapi, 'photos');
    const bytes = await Promise.all(batch.map((p) => photos.read(p)));
    const { serviceUrl, requestTimeoutMs } = config();
    const images = batch.map((p, i) => ({ name: p.name, bytes: bytes[i] }));
    const { answers, model } = await recognise(serviceUrl, images, requestTimeoutMs).catch((error) => {
      if (error instanceof OcrServiceError && !error.retryable) throw new UnrecoverableJobError(error.message);
      throw error;
    });
    for (const [i, answer] of answers.entries()) {
      const image = batch[i].id;
      if ('error' in answer) {
        step.failed.push({ image, reason: answer.error.message });
        continue;
      }
      await getService(strapi, 'results').save(ctx.data.ticket, image, answer, model, ctx.id);
      step.lines += answer.lines.length;
    }
    step.done.push(...batch.map((p) => p.id));
  }

  /** The processor: idempotent (a result is replaced, never added twice) and resumable per batch. */
  async function processJob(ctx: OcrJobContext<OcrJobData, OcrStep>): Promise<OcrJobResult> {
    const photos = await photosToRead(ctx.data);
    const step: OcrStep = { done: [], lines: 0, failed: [], ...ctx.step };
    const todo = photos.filter((p) => !step.done.includes(p.id));
    const total = photos.length;
    await ctx.progress({ done: total - todo.length, total, message: 'reading photos' });
    for (const batch of chunks(todo, config().batchSize)) {
      await ctx.throwIfCancelled();
      await readBatch(ctx, batch, step);
      await ctx.saveStep(step);
      await ctx.progress({ done: Math.min(step.done.length, total), total, message: `read ${step.done.length} of ${total} photos` });
    }
    const read = total - step.failed.length;
    return { ticket: ctx.data.ticket, images: total, read, lines: step.lines, failed: step.failed };
  }

  return {
    /** Registers the `ocr` queue with the jobs plugin (every process does; env decides who runs it). */
    register() {
      queue = queuesService(strapi).registerQueue<OcrJobData, OcrJobResult, OcrStep>(OCR_QUEUE, processJob, {
        attempts: config().attempts,
      });
    },

    /** Queues OCR of a ticket's photos (all of them when `images` is omitted); 400 for photos it lacks. */
    async start(ticketId: unknown, images: unknown, creator: number | null): Promise<JobRecord> {
      if (typeof ticketId !== 'string' || !ticketId) throw new InvalidError('data.ticket must be a ticket documentId');
      if (images !== undefined && (!Array.isArray(images) || images.some((id) => typeof id !== 'string'))) {
        throw new InvalidError('data.images must be a list of photo ids of the ticket');
      }
      const stored = await ticketingService(strapi, 'photos').stored(ticketId);
      const known = new Set(stored.map((p) => p.id));
      const wanted = images === undefined ? [...known] : [...new Set(images as string[])];
      const unknown = wanted.filter((id) => !known.has(id));
      if (unknown.length) throw new InvalidError(`Not photos of ticket ${ticketId}: ${unknown.join(', ')}`, { images: unknown });
      if (!wanted.length) throw new InvalidError(`Ticket ${ticketId} has no photos to read`);
      if (!queue) throw new Error('The ocr queue is not registered');
      return queue.add({ ticket: ticketId, images: wanted }, { creator });
    },
  };
};
