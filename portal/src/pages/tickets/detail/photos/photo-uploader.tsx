import { Upload, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n/locale-provider';
import { useUploadPhoto } from './photo-queries';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,.jpg,.jpeg,.png,.webp,.tif,.tiff';

/**
 * Drag-and-drop (or click) upload of several photos at once; each file goes in a request of
 * its own, so each shows its own progress bar. The server checks every file by its content.
 */
export function PhotoUploader({ ticketId }: { ticketId: string }) {
  const t = useT();
  const uploadPhoto = useUploadPhoto(ticketId);
  return (
    <div data-testid="photo-dropzone">
      <Upload.Dragger
        multiple
        accept={ACCEPT}
        showUploadList={{ showRemoveIcon: false }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          // mutateAsync, not mutate's callbacks: those fire for the latest call only, and every file needs its own
          uploadPhoto.mutateAsync({ file: file as File, onProgress: (percent) => onProgress?.({ percent }) }).then(
            (stored) => onSuccess?.(stored),
            (error: Error) => onError?.(error),
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <Typography.Text>{t('photos.drop')}</Typography.Text>
      </Upload.Dragger>
    </div>
  );
}
