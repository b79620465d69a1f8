import { useState } from 'react';
import { Alert, Button, Input, Space } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n/locale-provider';
import { NOTE_MAX_CHARS, noteLength, useAddNote } from './note-queries';

/** A box to add a work note (plain text, line breaks kept), with a counter to the server's limit. */
export function NoteBox({ ticketId }: { ticketId: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const add = useAddNote(ticketId);
  const length = noteLength(text.trim());
  const sendable = length > 0 && length <= NOTE_MAX_CHARS && !add.isPending;
  const send = () => sendable && add.mutate(text, { onSuccess: () => setText('') });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="note-box">
      <Input.TextArea
        data-testid="note-text"
        value={text}
        placeholder={t('notes.placeholder')}
        autoSize={{ minRows: 2, maxRows: 8 }}
        // counted as the server counts (code points); going over is shown, not cut off
        count={{ show: true, max: NOTE_MAX_CHARS, strategy: noteLength }}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
        }}
      />
      {add.isError && <Alert type="error" showIcon title={add.error.message} data-testid="note-error" />}
      <Button type="primary" size="small" icon={<SendOutlined />} disabled={!sendable} loading={add.isPending} onClick={send} data-testid="note-add">
        {t('notes.add')}
      </Button>
    </Space>
  );
}
