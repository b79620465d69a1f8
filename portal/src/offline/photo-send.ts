import { onlineManager } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { upload } from '../auth/session';
import type { Photo } from '../pages/tickets/detail/photos/photo-types';
import { outbox } from './outbox';
import { signedInUser } from './signed-in-user';

/** A photo upload's end: stored (the server's photos) or queued on the device. */
export type PhotoSent = { queued: false; photos: Photo[] } | { queued: true };

/** A random upload key (the server accepts 16–64 of [A-Za-z0-9_-]). */
export function newUploadKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Puts the photo into the signed-in user's queue (its bytes in IndexedDB). */
async function queuePhoto(ticketId: string, file: File, uploadKey: string): Promise<PhotoSent> {
  const user = signedInUser();
  if (!user) throw new Error('not signed in');
  const bytes = await file.arrayBuffer();
  await outbox.add({ kind: 'photo', userId: user, ticketId, name: file.name, type: file.type, size: file.size, bytes, uploadKey });
  return { queued: true };
}

/**
 * Uploads a ticket's photo, or queues it when there is no network, when it got no answer, or
 * when earlier changes of the ticket still wait (it must not overtake them). Every upload
 * carries a key, so a queued resend of one that did arrive stores nothing twice.
 */
export async function uploadOrQueuePhoto(ticketId: string, file: File, onProgress?: (percent: number) => void): Promise<PhotoSent> {
  const uploadKey = newUploadKey();
  const waiting = outbox.items().some((item) => item.ticketId === ticketId);
  if (waiting || !onlineManager.isOnline()) return queuePhoto(ticketId, file, uploadKey);
  try {
    const url = `/api/ticketing/tickets/${encodeURIComponent(ticketId)}/images`;
    const { data } = await upload<{ data: Photo[] }>(url, file, { field: 'files', onProgress, fields: { uploadKey } });
    return { queued: false, photos: data };
  } catch (error) {
    if (isApiError(error, 'unavailable')) return queuePhoto(ticketId, file, uploadKey);
    throw error;
  }
}
