import { int, nullable, object, str, timestamp, type JsonSchema } from './spec-types';

/**
 * The shapes every plugin answers with: Strapi's error body, page meta, and the job record
 * that each route starting a job answers 202 with (the jobs plugin's records, described here
 * because ticketing, OCR and excel-io answer with them too).
 */
export const sharedSchemas: Record<string, JsonSchema> = {
  ErrorBody: {
    ...object({
      data: { type: 'null' },
      error: object({ status: int, name: str, message: str, details: { type: 'object' } }, ['details']),
    }),
    description: 'Every error answer: `{ data: null, error: { status, name, message, details } }`',
  },
  PageMeta: object({ pagination: object({ page: int, pageSize: int, pageCount: int, total: int }) }),
  JobRecord: {
    ...object(
      {
        documentId: str,
        kind: { ...str, description: 'the queue: ocr, import, export, ticket-migration, …' },
        status: { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] },
        progress: nullable({}),
        params: nullable({ type: 'object' }),
        result: nullable({}),
        error: nullable({}),
        attempts: int,
        maxAttempts: int,
        cancelRequested: { type: 'boolean' },
        creator: nullable(object({ id: int, username: str }, ['username'])),
        createdAt: timestamp,
        startedAt: nullable(timestamp),
        finishedAt: nullable(timestamp),
        updatedAt: timestamp,
      },
      ['progress', 'params', 'result', 'error', 'attempts', 'maxAttempts', 'cancelRequested', 'creator', 'startedAt', 'finishedAt'],
    ),
    description: 'A background job; poll GET /jobs/{id} until status is succeeded, failed or cancelled',
  },
};
