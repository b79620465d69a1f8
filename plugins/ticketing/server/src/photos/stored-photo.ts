import { parseJsonColumn } from '../utils/json-column';
import type { StoredObject } from './photo-storage';
import type { PhotoFacts } from './photo-view';

/** The most photos one ticket holds. */
export const MAX_TICKET_PHOTOS = 100;

/** One entry of a ticket's ordered photo list (the `photos` jsonb column). */
export interface StoredPhoto extends PhotoFacts {
  original: StoredObject;
  thumbnail: StoredObject & { width: number; height: number };
  /** The client's id of the upload that brought the photo, when it gave one (repeats are answered, not stored again). */
  uploadKey?: string;
}

/** The ticket row's photo list (null on rows written before photos existed). */
export function photosOf(row: { photos?: unknown }): StoredPhoto[] {
  const list = parseJsonColumn(row.photos ?? null);
  return Array.isArray(list) ? (list as StoredPhoto[]) : [];
}
