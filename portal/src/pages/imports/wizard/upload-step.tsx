import { Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/locale-provider';
import { formatBytes } from '../../../services/jobs';

interface Props {
  file: File | null;
  reading: boolean;
  onFile: (file: File) => void;
}

/** Step 1: one .xlsx or .csv file dropped or chosen; its name and size shown. */
export function UploadStep({ file, reading, onFile }: Props) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload.Dragger
        data-testid="import-drop"
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={reading}
        // the file goes to the preview request, not to antd's own upload
        beforeUpload={(chosen) => {
          onFile(chosen);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
      </Upload.Dragger>
      {file && (
        <Typography.Text data-testid="import-file">
          {t('import.size', { name: file.name, size: formatBytes(file.size) })}
          {reading && ` — ${t('import.reading')}`}
        </Typography.Text>
      )}
    </Space>
  );
}
