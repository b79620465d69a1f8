/** One failing form field in a 400's `details.errors`. */
export interface FieldError {
  field: string;
  label?: string;
  message: string;
}

/**
 * What went wrong with a call: `http` (the server answered with an error), `unavailable`
 * (no answer, or a gateway/proxy error instead of the CMS's own JSON), or `session` (the
 * login is gone and a refresh cannot bring it back).
 */
export type ApiErrorKind = 'http' | 'unavailable' | 'session';

/** An error from the API, carrying Strapi's error body when there was one. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(kind: ApiErrorKind, message: string, status = 0, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.details = details;
  }
}

/** True for an `ApiError` of `kind` (and, when given, `status`). */
export const isApiError = (error: unknown, kind?: ApiErrorKind, status?: number): error is ApiError =>
  error instanceof ApiError && (kind === undefined || error.kind === kind) && (status === undefined || error.status === status);

/** Strapi's error body: `{ data: null, error: { status, name, message, details } }`. */
interface StrapiErrorBody {
  error?: { status?: number; name?: string; message?: string; details?: Record<string, unknown> };
}

// a proxy answers these when the CMS is down or restarting (nginx 502/504); the CMS itself 503s
// when it cannot reach Redis or the database — either way, nothing the user can fix by editing
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** Turns a failed response (and its body, read as text) into an `ApiError`. */
export function errorFromResponse(status: number, bodyText: string): ApiError {
  let body: StrapiErrorBody | undefined;
  try {
    body = bodyText ? (JSON.parse(bodyText) as StrapiErrorBody) : undefined;
  } catch {
    body = undefined; // not JSON: an HTML or plain-text page from a proxy, judged by its status below
  }
  const error = body?.error;
  // a 5xx without the CMS's JSON error body came from something in front of it (vite's proxy answers 500)
  const unavailable = UNAVAILABLE_STATUSES.has(status) || (status >= 500 && !error);
  return new ApiError(unavailable ? 'unavailable' : 'http', error?.message ?? `HTTP ${status}`, status, error?.details ?? {});
}
