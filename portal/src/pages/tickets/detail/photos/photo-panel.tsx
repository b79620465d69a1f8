import { Alert, Card, Space, Spin } from 'antd';
import { useT } from '../../../../i18n/locale-provider';
import { useDeletePhoto, usePhotos, useReorderPhotos } from './photo-queries';
import { PhotoGrid } from './photo-grid';
import { PhotoUploader } from './photo-uploader';

/** The ticket's photos: the grid for everyone who may see them, upload for those who may add. */
export function PhotoPanel({ ticketId, canAdd, canManage }: { ticketId: string; canAdd: boolean; canManage: boolean }) {
  const t = useT();
  const photos = usePhotos(ticketId);
  const reorder = useReorderPhotos(ticketId);
  const remove = useDeletePhoto(ticketId);
  return (
    <Card title={t('photos.title')} size="small" data-testid="photo-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {photos.isPending ? (
          <Spin />
        ) : photos.isError ? (
          <Alert type="error" title={photos.error.message} />
        ) : (
          <PhotoGrid
            photos={photos.data}
            canManage={canManage}
            busy={reorder.isPending || remove.isPending}
            onReorder={(order) => reorder.mutate(order)}
            onDelete={(id) => remove.mutate(id)}
          />
        )}
        {canAdd && <PhotoUploader ticketId={ticketId} />}
      </Space>
    </Card>
  );
}
