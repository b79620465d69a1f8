import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useT } from '../../i18n/locale-provider';
import type { TypeVersion } from './version-types';

/** A type's versions, oldest first: when each was made, its field count and the tickets on it. */
export function VersionsTable({ versions, loading }: { versions: TypeVersion[]; loading?: boolean }) {
  const t = useT();
  const columns: ColumnsType<TypeVersion> = [
    {
      title: t('migration.version'),
      key: 'version',
      render: (_, v) => (
        <>
          v{v.version} {v.current && <Tag color="blue">{t('migration.current')}</Tag>}
        </>
      ),
    },
    { title: t('migration.createdAt'), key: 'createdAt', render: (_, v) => dayjs(v.createdAt).format('YYYY-MM-DD HH:mm') },
    { title: t('migration.fieldCount'), key: 'fields', render: (_, v) => v.fields.length },
    { title: t('migration.ticketCount'), key: 'tickets', align: 'right', render: (_, v) => <span data-testid="version-tickets">{v.tickets}</span> },
  ];
  return (
    <Table<TypeVersion>
      data-testid="versions-table"
      rowKey="version"
      size="small"
      loading={loading}
      dataSource={versions}
      columns={columns}
      pagination={false}
    />
  );
}
