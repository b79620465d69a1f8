import { InvalidError } from '../errors/domain-errors';

/** A page of a list as the API's `page` and `pageSize` query parameters ask for it. */
export interface PageParams {
  page: number;
  pageSize: number;
}

const MAX_PAGE = 1_000_000;
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;

function positiveInt(query: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const raw = query[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < 1 || n > max) {
    throw new InvalidError(`${name} must be an integer from 1 to ${max}, got "${String(raw)}"`);
  }
  return n;
}

/** `?page=&pageSize=` (1 and 25 when absent; pageSize at most 100); a 400 naming the bad one. */
export function pageParams(query: Record<string, unknown>): PageParams {
  return { page: positiveInt(query, 'page', 1, MAX_PAGE), pageSize: positiveInt(query, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

/** The `meta.pagination` of a list answer. */
export const pagination = ({ page, pageSize }: PageParams, total: number) => ({ page, pageSize, pageCount: Math.ceil(total / pageSize), total });
