import type { DomainError } from './domain-errors';

/** Strapi's error body: `{ data: null, error: { status, name, message, details } }`. */
export interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details: Record<string, unknown> };
}

/** The status and body a domain error is answered with. */
export function errorResponse(error: DomainError): { status: number; body: ErrorBody } {
  return {
    status: error.status,
    body: { data: null, error: { status: error.status, name: error.errorName, message: error.message, details: error.details } },
  };
}
