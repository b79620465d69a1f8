import { useState } from 'react';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/locale-provider';
import { useTicketTypes } from '../../../services/ticket-types';
import { TicketCards } from '../list/components/ticket-cards';
import { distanceParts, NEAR_PAGE_SIZE, useNearTickets, type NearTicket } from './near-queries';
import { usePosition } from './use-position';

/** "Tickets near me": the open tickets by distance from the phone, for the handler who just arrived at a site. */
export default function NearTicketsPage() {
  const t = useT();
  const { position, locate } = usePosition();
  const [page, setPage] = useState(1);
  const point = position.status === 'ok' ? { lng: position.lng, lat: position.lat } : null;
  const list = useNearTickets(point, page);
  const types = useTicketTypes();
  const distance = (ticket: NearTicket) => {
    const { unit, n } = distanceParts(ticket.distance);
    return (
      <Tag color="geekblue" data-testid="ticket-distance" data-metres={ticket.distance}>
        {t(unit === 'km' ? 'near.km' : 'near.metres', { n })}
      </Tag>
    );
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="near-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('near.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('near.hint')}</Typography.Text>
      <Button
        type="primary"
        icon={<AimOutlined />}
        loading={position.status === 'locating'}
        onClick={() => {
          setPage(1);
          locate();
        }}
        className="touch-target"
        data-testid="near-locate"
      >
        {position.status === 'locating' ? t('near.locating') : point ? t('near.refresh') : t('near.locate')}
      </Button>
      {position.status === 'ok' && (
        <Typography.Text type="secondary" data-testid="near-position">
          {t('near.position', { lng: position.lng.toFixed(5), lat: position.lat.toFixed(5), accuracy: Math.round(position.accuracy) })}
        </Typography.Text>
      )}
      {position.status === 'denied' && <Alert type="warning" showIcon title={t('near.denied')} data-testid="near-denied" />}
      {position.status === 'unsupported' && <Alert type="warning" showIcon title={t('near.unsupported')} />}
      {position.status === 'error' && <Alert type="error" showIcon title={t('near.unavailable', { message: position.message })} />}
      {list.isError && <Alert type="error" showIcon title={t('list.error')} description={list.error.message} data-testid="list-error" />}
      {point && !list.isError && (
        <TicketCards
          page={list.data}
          loading={list.isFetching}
          types={types.data ?? []}
          current={page}
          pageSize={NEAR_PAGE_SIZE}
          onPage={setPage}
          emptyText={t('near.empty')}
          extra={(ticket) => distance(ticket as NearTicket)}
        />
      )}
    </Space>
  );
}
