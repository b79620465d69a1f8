import { useState } from 'react';
import { Button, Card, Empty, Image, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n/locale-provider';
import { dropOnto, moveItem } from './photo-order';
import type { Photo } from './photo-types';

interface Props {
  photos: Photo[];
  canManage: boolean;
  busy: boolean;
  onReorder: (order: string[]) => void;
  onDelete: (photoId: string) => void;
}

/**
 * The ticket's photos as thumbnails in their order; a click opens the large preview. Roles
 * that may manage photos drag a photo onto another to reorder (or use the arrows) and delete.
 */
export function PhotoGrid({ photos, canManage, busy, onReorder, onDelete }: Props) {
  const t = useT();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const ids = photos.map((p) => p.id);
  if (photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.empty')} />;
  const drop = (target: string, source: string | null) => {
    setDragged(null);
    setOver(null);
    if (!source || source === target) return;
    onReorder(dropOnto(ids, source, target));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canManage && photos.length > 1 && <Typography.Text type="secondary">{t('photos.dragHint')}</Typography.Text>}
      <Image.PreviewGroup>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }} data-testid="photo-grid">
          {photos.map((photo, index) => (
            <Card
              key={photo.id}
              size="small"
              data-testid="photo-card"
              data-photo-id={photo.id}
              data-name={photo.name}
              draggable={canManage && !busy}
              onDragStart={(e) => {
                e.dataTransfer.setData('text/plain', photo.id);
                e.dataTransfer.effectAllowed = 'move';
                setDragged(photo.id);
              }}
              onDragOver={(e) => {
                if (!canManage) return;
                e.preventDefault(); // allows the drop
                setOver(photo.id);
              }}
              onDragLeave={() => setOver((current) => (current === photo.id ? null : current))}
              onDrop={(e) => {
                e.preventDefault();
                drop(photo.id, e.dataTransfer.getData('text/plain') || dragged);
              }}
              onDragEnd={() => setDragged(null)}
              style={{
                width: 168,
                cursor: canManage ? 'grab' : 'default',
                outline: over === photo.id && dragged !== photo.id ? '2px dashed #1d5fbf' : undefined,
                opacity: dragged === photo.id ? 0.5 : 1,
              }}
              styles={{ body: { padding: 8 } }}
            >
              <Image
                src={photo.thumbnailUrl}
                preview={{ src: photo.url }}
                width={150}
                height={112}
                style={{ objectFit: 'cover' }}
                alt={photo.name}
                draggable={false}
              />
              <Typography.Text ellipsis style={{ display: 'block', width: 150, marginTop: 4 }} title={photo.name}>
                {index + 1}. {photo.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {photo.width}×{photo.height} · {(photo.size / 1024).toFixed(0)} KB
              </Typography.Text>
              {canManage && (
                <Space style={{ marginTop: 4 }} size={4}>
                  <Tooltip title={t('photos.moveLeft')}>
                    <Button
                      size="small"
                      icon={<LeftOutlined />}
                      disabled={busy || index === 0}
                      onClick={() => onReorder(moveItem(ids, index, index - 1))}
                      aria-label={t('photos.moveLeft')}
                    />
                  </Tooltip>
                  <Tooltip title={t('photos.moveRight')}>
                    <Button
                      size="small"
                      icon={<RightOutlined />}
                      disabled={busy || index === photos.length - 1}
                      onClick={() => onReorder(moveItem(ids, index, index + 1))}
                      aria-label={t('photos.moveRight')}
                    />
                  </Tooltip>
                  <Popconfirm title={t('photos.deleteConfirm')} onConfirm={() => onDelete(photo.id)}>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={busy}
                      data-testid="photo-delete"
                      aria-label={t('photos.delete')}
                    />
                  </Popconfirm>
                </Space>
              )}
            </Card>
          ))}
        </div>
      </Image.PreviewGroup>
    </Space>
  );
}
