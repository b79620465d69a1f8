import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Col, Popconfirm, Row, Space, Typography } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { movesToOffer } from '../../../auth/access';
import { useAccess } from '../../../auth/access-context';
import { SlaTag } from '../../../components/sla-tag';
import { StatusTag } from '../../../components/status-tag';
import { useT } from '../../../i18n/locale-provider';
import { usePhone } from '../../../layout/use-phone';
import { fieldSchemasOf, type TypeSchema } from '../../../services/schema-types';
import type { Ticket } from '../../../services/ticket';
import { usePhotos } from './photos/photo-queries';
import { useDeleteTicket, useMoveTicket } from './ticket-queries';
import { useTicketForm } from './form/use-ticket-form';
import { ConflictDialog } from './form/conflict-dialog';
import { AssigneeBar } from './assignment/assignee-bar';
import { HistoryPanel } from './history/history-panel';
import { NoteBox } from './notes/note-box';
import { WordReportButton } from '../../exports/word-report-button';
import { MoveButtons } from './form/move-buttons';
import { OcrPanel } from './ocr/ocr-panel';
import { PhotoPanel } from './photos/photo-panel';
import { TicketSchemaForm } from './form/ticket-schema-form';

interface Props {
  type: string;
  typeLabel: string;
  typeSchema: TypeSchema;
  /** The stored ticket; absent for a new one. */
  ticket?: Ticket;
}

/**
 * A ticket's page body: the generated form with save, the state moves and delete the role may
 * make, the photos, and the history beside them. What a role may not do is not shown.
 */
export function TicketEditor({ type, typeLabel, typeSchema, ticket }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const { access } = useAccess();
  const id = ticket?.documentId ?? '';
  const photos = usePhotos(ticket?.documentId, access.canSeePhotos);
  const move = useMoveTicket(id);
  const remove = useDeleteTicket(id);
  const form = useTicketForm({
    type,
    ticket,
    fields: Object.keys(fieldSchemasOf(typeSchema.schema)),
    onCreated: (created) => navigate(`/tickets/${created.documentId}`, { replace: true }),
  });
  const editable = ticket ? access.canEditTickets : access.canCreateTickets;
  const moves = ticket ? movesToOffer(access, ticket) : [];
  const title = ticket ? typeLabel : t('form.newTitle', { type: typeLabel });
  // on a phone the save and the state moves sit in a bar fixed at the bottom, in reach of a thumb;
  // the bar lives outside the form (the form takes new children as a reset of its values) and
  // submits it as its own button would
  const phone = usePhone();
  const actionBar = useRef<HTMLDivElement>(null);
  const submitForm = () => actionBar.current?.closest('.ant-row')?.querySelector<HTMLFormElement>('form.ticket-form')?.requestSubmit();
  const moveButtons = ticket && (
    <MoveButtons
      ticket={ticket}
      moves={moves}
      blocked={form.dirty}
      pending={move.isPending ? (move.variables?.to ?? null) : null}
      onMove={(to) => !move.isPending && move.mutate({ to, version: ticket.version })}
    />
  );
  const saveButton = editable && (
    <Button
      type="primary"
      htmlType={phone ? 'button' : 'submit'}
      onClick={phone ? submitForm : undefined}
      icon={<SaveOutlined />}
      loading={form.saving}
      disabled={form.saving}
      data-testid="save-ticket"
    >
      {ticket ? t('form.save') : t('form.create')}
    </Button>
  );
  const otherActions = ticket && (
    <Space wrap>
      {!phone && moveButtons}
      {access.canExport && <WordReportButton ticketId={ticket.documentId} />}
      {access.canDeleteTickets && (
        <Popconfirm
          title={t('form.deleteConfirm')}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/tickets', { replace: true }) })}
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="delete-ticket">
            {t('form.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <Row gutter={[16, 16]} className={phone ? 'with-action-bar' : undefined}>
      <Col xs={24} xl={16}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            data-testid="ticket-card"
            title={
              <Space wrap>
                <span>{title}</span>
                {ticket && <StatusTag status={ticket.status} />}
                {ticket && <SlaTag sla={ticket.sla} status={ticket.status} />}
                {ticket && (
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }} data-testid="ticket-version">
                    {t('form.version', { version: ticket.version })} · {t('form.creator', { name: ticket.creator?.username ?? '—' })}
                  </Typography.Text>
                )}
              </Space>
            }
            extra={phone ? undefined : otherActions}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              {ticket && !phone && <AssigneeBar ticket={ticket} />}
              {phone && otherActions}
              {typeSchema.schema.description && (
                <Typography.Paragraph type="secondary">{typeSchema.schema.description}</Typography.Paragraph>
              )}
              {!editable && <Alert type="info" showIcon title={t('form.readonly')} data-testid="readonly-notice" />}
              {form.restoredAt !== null && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="draft-restored"
                  title={t('form.draftRestored', { time: dayjs(form.restoredAt).format('HH:mm:ss') })}
                  action={
                    <Button size="small" onClick={form.discardDraft}>
                      {t('form.discardDraft')}
                    </Button>
                  }
                />
              )}
              {form.serverErrors.general.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="server-errors"
                  title={t('form.serverErrors')}
                  description={form.serverErrors.general.join('; ')}
                />
              )}
              <TicketSchemaForm
                typeSchema={typeSchema}
                form={form.form}
                context={{ photos: photos.data ?? [], ticketId: ticket?.documentId }}
                extraErrors={form.serverErrors.errorSchema}
                readonly={!editable}
                disabled={form.saving}
                onChange={form.change}
                onSubmit={form.submit}
              >
                {(!phone && saveButton) || <></>}
              </TicketSchemaForm>
            </Space>
          </Card>
          {ticket && access.canUseOcr && ticket.photos.length > 0 && (
            <OcrPanel ticket={ticket} typeSchema={typeSchema} form={form.form} dirty={form.dirty} saving={form.saving} />
          )}
          {ticket && access.canSeePhotos && <PhotoPanel ticketId={ticket.documentId} canAdd={access.canAddPhotos} canManage={access.canManagePhotos} />}
          {!ticket && access.canAddPhotos && <Alert type="info" showIcon title={t('photos.saveFirst')} />}
        </Space>
      </Col>
      <Col xs={24} xl={8}>
        {ticket && (
          <HistoryPanel ticketId={ticket.documentId} typeSchema={typeSchema}>
            {access.canEditTickets && (
              <div style={{ marginBottom: 16 }}>
                <NoteBox ticketId={ticket.documentId} />
              </div>
            )}
          </HistoryPanel>
        )}
      </Col>
      {phone && (editable || ticket) && (
        <div className="phone-action-bar" data-testid="phone-action-bar" ref={actionBar}>
          {ticket && <AssigneeBar ticket={ticket} />}
          {saveButton}
          {moveButtons}
        </div>
      )}
      {form.conflict && ticket && (
        <ConflictDialog
          conflict={form.conflict}
          loaded={form.base.form}
          mine={form.form}
          typeSchema={typeSchema}
          currentStatus={ticket.status}
          saving={form.saving}
          onReload={form.reloadFromServer}
          onOverwrite={form.overwrite}
          onCancel={form.closeConflict}
        />
      )}
    </Row>
  );
}
