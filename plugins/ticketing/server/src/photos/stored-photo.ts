import { parseJsonColumn } from '../utils/json-column';
import type { GpsPosition } from './photo-check';
import type { StoredObject } from './photo-storage';

/** The most photos one ticket holds. */
export const MAX_TICKET_PHOTOS = 100;

/** One entry of a ticket's ordered photo list (the `photos` jsonb column). */
export interface StoredPhoto {
  id: string;
  name: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  gps: GpsPosition | null;
  original: StoredObject;
  thumbnail: StoredObject & { width: number; height: number };
  uploadedAt: string;
  uploadedBy: string | null;
}

/** The ticket row's photo list (null on rows written before photos existed). */
export function photosOf(row: { photos?: unknown }): StoredPhoto[] {
  const list = parseJsonColumn(row.photos ?? null);
  return Array.isArray(list) ? (list as StoredPhoto[]) : [];
}
