import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../../../auth/session';
import { useT } from '../../../../i18n/locale-provider';
import { uploadOrQueuePhoto } from '../../../../offline/photo-send';
import { queryClient } from '../../../../services/query-client';
import { queryKeys } from '../../../../services/query-keys';
import type { Photo } from './photo-types';

const photosUrl = (id: string) => `/api/ticketing/tickets/${encodeURIComponent(id)}/images`;

/** A photo change shows in the ticket (its photo list, maybe its form) and its history. */
function afterPhotoChange(ticketId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.history(ticketId) });
}

/** The ticket's photos in order, with fresh pre-signed URLs. */
export function usePhotos(ticketId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: queryKeys.photos(ticketId ?? ''),
    queryFn: ({ signal }) => api<{ data: Photo[] }>(photosUrl(ticketId!), { signal }).then((r) => r.data),
    enabled: !!ticketId && enabled,
    // the URLs are signed for 15 minutes: fetch new ones well before they lapse
    staleTime: 5 * 60_000,
    refetchInterval: 10 * 60_000,
  });
}

/**
 * Uploads one file (one request per file, so each has its own progress); without a network it
 * is queued on the device and uploaded later (src/offline/), and the answer is no photos yet.
 */
export function useUploadPhoto(ticketId: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    // offline it must run too: that is when it queues
    networkMode: 'always',
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) =>
      uploadOrQueuePhoto(ticketId, file, onProgress).then((sent) => (sent.queued ? null : sent.photos)),
    onSuccess: (stored, { file }) => {
      if (!stored) {
        void message.info(t('offline.photoQueued', { name: file.name }));
        return;
      }
      queryClient.setQueryData<Photo[]>(queryKeys.photos(ticketId), (photos = []) => [
        ...photos,
        ...stored.filter((p) => !photos.some((q) => q.id === p.id)),
      ]);
      afterPhotoChange(ticketId);
      void message.success(t('photos.uploaded', { name: file.name }));
    },
    onError: (error: Error, { file }) => void message.error(t('photos.failed', { name: file.name, message: error.message })),
  });
}

/** Saves a new photo order (every id once). */
export function useReorderPhotos(ticketId: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: (order: string[]) =>
      api<{ data: Photo[] }>(`${photosUrl(ticketId)}/order`, { method: 'PUT', body: { data: { order } } }).then((r) => r.data),
    // show the new order at once; the answer (or a reload on failure) settles it
    onMutate: (order) => {
      const before = queryClient.getQueryData<Photo[]>(queryKeys.photos(ticketId));
      if (before) queryClient.setQueryData(queryKeys.photos(ticketId), order.map((id) => before.find((p) => p.id === id)!).filter(Boolean));
      return { before };
    },
    onSuccess: (photos) => {
      queryClient.setQueryData(queryKeys.photos(ticketId), photos);
      afterPhotoChange(ticketId);
      void message.success(t('photos.reordered'));
    },
    onError: (error: Error, _order, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.photos(ticketId), context.before);
      void message.error(error.message);
    },
  });
}

/** Deletes one photo (and removes it from any images field of the form). */
export function useDeletePhoto(ticketId: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: (photoId: string) => api<void>(`${photosUrl(ticketId)}/${encodeURIComponent(photoId)}`, { method: 'DELETE' }),
    onSuccess: (_none, photoId) => {
      queryClient.setQueryData<Photo[]>(queryKeys.photos(ticketId), (photos = []) => photos.filter((p) => p.id !== photoId));
      afterPhotoChange(ticketId);
      void message.success(t('photos.deleted'));
    },
    onError: (error: Error) => void message.error(error.message),
  });
}
