import { App, Button, Upload, Typography, type UploadProps } from 'antd';
import { CameraOutlined, InboxOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n/locale-provider';
import { usePhone } from '../../../../layout/use-phone';
import { resizePhoto } from '../../../../photos/resize-photo';
import { useUploadPhoto } from './photo-queries';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,.jpg,.jpeg,.png,.webp,.tif,.tiff';

/**
 * Drag-and-drop (or click) upload of several photos at once; each file goes in a request of
 * its own, so each shows its own progress bar. The server checks every file by its content.
 * On a phone, "Take photo" opens the rear camera, and every photo is made smaller and upright
 * on the phone before it goes (mobile data); a photo that cannot be decoded goes as it is.
 */
export function PhotoUploader({ ticketId }: { ticketId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const phone = usePhone();
  const uploadPhoto = useUploadPhoto(ticketId);
  const prepare = (file: File) =>
    phone
      ? resizePhoto(file).catch(() => {
          void message.warning(t('phone.resizeFailed', { name: file.name }));
          return file;
        })
      : Promise.resolve(file);
  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    // mutateAsync, not mutate's callbacks: those fire for the latest call only, and every file needs its own
    prepare(file as File)
      .then((ready) => uploadPhoto.mutateAsync({ file: ready, onProgress: (percent) => onProgress?.({ percent }) }))
      .then(
        (stored) => onSuccess?.(stored),
        (error: Error) => onError?.(error),
      );
  };
  return (
    <>
      {phone && (
        <div data-testid="camera-upload" className="camera-upload">
          <Upload accept="image/*" capture="environment" multiple customRequest={customRequest} showUploadList={{ showRemoveIcon: false }}>
            <Button type="primary" size="large" block icon={<CameraOutlined />} className="touch-target" data-testid="take-photo">
              {t('phone.takePhoto')}
            </Button>
          </Upload>
        </div>
      )}
      <div data-testid="photo-dropzone">
        <Upload.Dragger multiple accept={ACCEPT} showUploadList={{ showRemoveIcon: false }} customRequest={customRequest}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <Typography.Text>{t('photos.drop')}</Typography.Text>
        </Upload.Dragger>
      </div>
    </>
  );
}
