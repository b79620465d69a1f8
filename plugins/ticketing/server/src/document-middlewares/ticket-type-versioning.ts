import { isDeepStrictEqual } from 'node:util';
import type { Core, Modules } from '@strapi/strapi';
import { InvalidError } from 'strapi-plugin-access';
import { TICKET_TYPE_REVISION_UID, TICKET_TYPE_UID } from '../constants';
import { invalidFieldsError } from '../errors';
import { getService } from '../utils/get-service';

type Data = Record<string, unknown>;
type Middleware = Modules.Documents.Middleware.Middleware;

function assertValidFields(strapi: Core.Strapi, fields: unknown) {
  const issues = getService(strapi, 'field-types').validateFields(fields);
  if (issues.length) throw invalidFieldsError(issues);
}

async function writeRevision(strapi: Core.Strapi, key: string, version: number, data: Data) {
  await strapi.db.query(TICKET_TYPE_REVISION_UID).create({
    data: {
      typeKey: key,
      version,
      nameZh: data.nameZh,
      nameEn: data.nameEn,
      description: data.description,
      fields: data.fields,
    },
  });
}

/**
 * Guards every write of a ticket type, whichever door it comes through (Content
 * Manager, REST, seed): `fields` must satisfy the registry's meta-schema, `version` is
 * the server's to set — bumped on each change of `fields` — and each version's
 * fields are kept as a revision, in the same transaction as the write.
 */
export function ticketTypeVersioning(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (context.uid !== TICKET_TYPE_UID) return next();
    if (context.action === 'delete') {
      // every process's copies (the list of types included) go with the entry
      const { documentId } = context.params as { documentId?: string };
      const gone = documentId ? await strapi.db.query(TICKET_TYPE_UID).findOne({ where: { documentId } }) : null;
      const result = await next();
      if (gone) await getService(strapi, 'ticket-types').changed(gone.key);
      return result;
    }
    if (context.action !== 'create' && context.action !== 'update') return next();
    const params = context.params as { data?: Data; documentId?: string };
    const data: Data = { ...(params.data ?? {}) };
    delete data.version;
    params.data = data;

    return strapi.db.transaction(async ({ trx, onCommit }) => {
      // other processes drop their copies once the change is visible to them, not before
      const announce = (key: string) => onCommit(() => void getService(strapi, 'ticket-types').changed(key));
      if (context.action === 'create') {
        assertValidFields(strapi, data.fields);
        data.version = 1;
        const created = await next();
        await writeRevision(strapi, String(data.key), 1, created as Data);
        getService(strapi, 'ticket-types').forget(String(data.key));
        announce(String(data.key));
        return created;
      }

      const table = strapi.db.metadata.get(TICKET_TYPE_UID).tableName;
      // Locks the row so two concurrent edits cannot both claim the next version.
      await trx(table).where({ document_id: params.documentId }).forUpdate().select('id');
      const current = await strapi.db.query(TICKET_TYPE_UID).findOne({ where: { documentId: params.documentId } });
      if (!current) return next();
      if (data.key !== undefined && data.key !== current.key) {
        throw new InvalidError(`The key of ticket type "${current.key}" cannot change`);
      }
      getService(strapi, 'ticket-types').forget(current.key);
      announce(current.key);
      if (data.fields === undefined || isDeepStrictEqual(data.fields, current.fields)) return next();

      assertValidFields(strapi, data.fields);
      data.version = current.version + 1;
      const updated = await next();
      await writeRevision(strapi, current.key, current.version + 1, updated as Data);
      return updated;
    });
  };
}
