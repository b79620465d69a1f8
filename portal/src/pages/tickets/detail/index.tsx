import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Result, Select, Space, Spin } from 'antd';
import { isApiError } from '../../../api/api-error';
import { useAccess } from '../../../auth/access-context';
import { useLocale } from '../../../i18n/locale-provider';
import { typeName } from '../../../services/ticket';
import { useTicketTypes, useTypeSchema } from '../../../services/ticket-types';
import { TicketEditor } from './ticket-editor';
import { useTicket } from './ticket-queries';

/** A spinner, or the error of the first query that failed, with a retry. */
function Loading({ error, retry }: { error: Error | null; retry: () => void }) {
  const { t } = useLocale();
  if (!error) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (isApiError(error, 'http', 404)) return <Result status="404" title={t('form.notFound')} data-testid="ticket-not-found" />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('form.loadError')}
      description={error.message}
      action={<Button onClick={retry}>{t('server.retry')}</Button>}
    />
  );
}

/** /tickets/new?type=… — the form of a new ticket (a type picker first when none is given). */
function NewTicket() {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const { access } = useAccess();
  const [params] = useSearchParams();
  const type = params.get('type') ?? undefined;
  const types = useTicketTypes();
  const schema = useTypeSchema(type);
  if (!access.canCreateTickets) return <Result status="403" title={t('form.noCreateRight')} />;
  if (!type) {
    return (
      <Card title={t('form.pickType')} style={{ maxWidth: 480 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            data-testid="pick-type"
            style={{ width: '100%' }}
            loading={types.isPending}
            placeholder={t('form.pickType')}
            options={(types.data ?? []).map((x) => ({ value: x.key, label: typeName(x, locale) }))}
            onChange={(key: string) => navigate(`/tickets/new?type=${encodeURIComponent(key)}`, { replace: true })}
          />
        </Space>
      </Card>
    );
  }
  if (!schema.data || !types.data) return <Loading error={schema.error ?? types.error} retry={() => void schema.refetch()} />;
  const label = typeName(
    types.data.find((x) => x.key === type),
    locale,
    type,
  );
  return <TicketEditor key={`new:${type}:${locale}`} type={type} typeLabel={label} typeSchema={schema.data} />;
}

/** /tickets/:id — a stored ticket, shown with the schema revision it was written against. */
function EditTicket({ id }: { id: string }) {
  const { locale } = useLocale();
  const ticket = useTicket(id);
  const types = useTicketTypes();
  const schema = useTypeSchema(ticket.data?.type, ticket.data?.typeVersion);
  if (!ticket.data || !schema.data || !types.data) {
    return (
      <Loading
        error={ticket.error ?? schema.error ?? types.error}
        retry={() => void (ticket.error ? ticket.refetch() : schema.refetch())}
      />
    );
  }
  const label = typeName(
    types.data.find((x) => x.key === ticket.data.type),
    locale,
    ticket.data.type,
  );
  return <TicketEditor key={id} type={ticket.data.type} typeLabel={label} typeSchema={schema.data} ticket={ticket.data} />;
}

/** The ticket form page: create (/tickets/new) or view and edit (/tickets/:id). */
export default function TicketFormPage() {
  const { id } = useParams();
  return id ? <EditTicket id={id} /> : <NewTicket />;
}
