import type { FieldProps } from '@rjsf/utils';
import { Checkbox, Image, Space, Typography } from 'antd';
import { useT } from '../../../../i18n/locale-provider';
import type { TicketFormContext } from './form-context';

/**
 * The photo picker (`PHOTO_PICKER_FIELD`, the `ui:field` of the server's `images` field type):
 * picks an ordered subset of the ticket's own photos. The value keeps the ticket's photo
 * order; uploading happens in the photo panel.
 */
export function ImagesField(props: FieldProps<string[]>) {
  const t = useT();
  const { formData, onChange, fieldPathId, registry, disabled, readonly, schema } = props;
  const { photos } = registry.formContext as TicketFormContext;
  const selected = new Set(formData ?? []);
  const max = schema.maxItems;
  if (photos.length === 0) return <Typography.Text type="secondary">{t('photos.none')}</Typography.Text>;
  const toggle = (id: string, on: boolean) => {
    const next = photos.map((p) => p.id).filter((pid) => (pid === id ? on : selected.has(pid)));
    onChange(next.length ? next : undefined, fieldPathId.path);
  };
  return (
    <Space orientation="vertical" size="small" data-testid={`images-field-${props.name}`}>
      <Typography.Text type="secondary">{t('photos.pick')}</Typography.Text>
      <Space wrap>
        {photos.map((photo) => (
          <label key={photo.id} style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'center', gap: 4 }}>
            <Image
              src={photo.thumbnailUrl}
              width={72}
              height={72}
              style={{ objectFit: 'cover' }}
              preview={{ src: photo.url }}
              alt={photo.name}
            />
            <Checkbox
              checked={selected.has(photo.id)}
              disabled={disabled || readonly || (!selected.has(photo.id) && max !== undefined && selected.size >= max)}
              onChange={(e) => toggle(photo.id, e.target.checked)}
            />
          </label>
        ))}
      </Space>
    </Space>
  );
}
