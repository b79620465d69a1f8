import type { Core } from '@strapi/strapi';
import { accessService } from 'strapi-plugin-access';
import { PUBLISHER_ROLE, TICKET_READ_RIGHT } from '../constants';

/** A user as notifications need them: where to mail, and whether they may hear of tickets at all. */
export interface Recipient {
  id: number;
  username: string;
  email: string | null;
  role: string | null;
}

const USER_UID = 'plugin::users-permissions.user';

interface UserRow {
  id: number;
  username: string;
  email: string | null;
  blocked: boolean | null;
  role?: { type?: string } | null;
}

/** Users and roles, read through Users & Permissions' content types. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(USER_UID as never);
  const mayRead = (row: UserRow) => !row.blocked && accessService(strapi, 'access').hasRight(row.role?.type ?? null, TICKET_READ_RIGHT);
  const present = (row: UserRow): Recipient => ({ id: row.id, username: row.username, email: row.email || null, role: row.role?.type ?? null });

  return {
    /** The ids of every user with the publisher role. */
    async publisherIds(): Promise<number[]> {
      const rows = (await users().findMany({ where: { role: { type: PUBLISHER_ROLE } }, select: ['id'] } as never)) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /** Of `ids`, the users who may be told about tickets: not blocked, and their role holds tickets.read. */
    async allowed(ids: number[]): Promise<Recipient[]> {
      if (!ids.length) return [];
      const rows = (await users().findMany({ where: { id: { $in: ids } }, populate: ['role'] } as never)) as UserRow[];
      return rows.filter(mayRead).map(present);
    },

    /** One user, when they may still be told (checked again when a delayed e-mail goes out). */
    async one(id: number): Promise<Recipient | null> {
      const [row] = await this.allowed([id]);
      return row ?? null;
    },
  };
};
