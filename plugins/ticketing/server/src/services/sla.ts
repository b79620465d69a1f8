import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { accessService, type Actor } from 'strapi-plugin-access';
import type { TicketingConfig } from '../config';
import { TICKET_EVENTS } from '../events/ticket-events';
import { clockValue, worse, type ClockName, type ClockValue, type SlaState, type StateChange } from '../sla/sla-clocks';
import { readSlaConfig, targetsOf, type SlaConfig } from '../sla/sla-config';
import type { TicketRow } from '../tickets/ticket-row';
import type { TicketState } from '../tickets/workflow';
import { getService } from '../utils/get-service';
import { parseJsonColumn } from '../utils/json-column';

type Row = Pick<TicketRow, 'document_id' | 'type_key' | 'state' | 'version' | 'creator_id' | 'assignee_id' | 'form_data' | 'created_at'>;

/** A ticket's SLA as computed at one instant. */
interface SlaValue {
  state: SlaState;
  clocks: Partial<Record<ClockName, ClockValue>>;
}

/** A warning or breach to announce once the transaction that recorded it has committed. */
interface Crossing {
  row: Row;
  clock: ClockName;
  state: 'warning' | 'breached';
  dueAt: string | null;
}

const CLOCKS: ClockName[] = ['response', 'resolution'];
const SYSTEM: Actor = { kind: 'system', id: null, name: null, role: null, userId: null };
const ms = (d: Date | string) => new Date(d).getTime();

/**
 * SLA timers (config/sla.yaml): computed from the ticket's state changes in the audit trail,
 * so they are right after any restart. The outcome is also kept on the ticket row (state,
 * due time, next check) for list filters and sorting, refreshed by every transition and by a
 * sweep every `slaCheckIntervalMs` that records each warning and breach once (an `sla` audit
 * entry) and announces it (`ticketing.ticket.sla`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('plugin::ticketing') as TicketingConfig;
  let loaded: SlaConfig | undefined;
  const config = () => (loaded ??= readSlaConfig(settings().slaFile));
  const audit = () => getService(strapi, 'audit');
  const table = () => strapi.db.metadata.get('plugin::ticketing.ticket').tableName;
  const format = (at: number | null) => (at === null ? null : (accessService(strapi, 'timestamps').format(new Date(at)) as string));
  let timer: NodeJS.Timeout | undefined;

  /**
   * Each ticket's state changes, oldest first: its creation in draft, then its transitions.
   * Every transition raises the version, so a ticket still at version 1 has none to read (a
   * page of new tickets, the common case, costs no query).
   */
  async function changesOf(rows: Row[], db: Knex = strapi.db.connection): Promise<Map<string, StateChange[]>> {
    const changes = new Map(rows.map((r) => [r.document_id, [{ at: ms(r.created_at), to: 'draft' as TicketState }]]));
    const moved = rows.filter((r) => r.version !== 1).map((r) => r.document_id);
    if (!moved.length) return changes;
    const entries = await db(audit().table())
      .where({ entity_kind: 'ticket', action: 'transition' })
      .whereIn('entity_id', moved)
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select('entity_id', 'diff', 'created_at');
    for (const e of entries as { entity_id: string; diff: unknown; created_at: Date }[]) {
      const to = (parseJsonColumn(e.diff) as { status?: [string, TicketState] } | null)?.status?.[1];
      if (to) changes.get(e.entity_id)?.push({ at: ms(e.created_at), to });
    }
    return changes;
  }

  function valueOf(row: Row, changes: StateChange[], now: number): SlaValue | null {
    const { warnAt } = config();
    const targets = targetsOf(config(), row.type_key, (parseJsonColumn(row.form_data) ?? {}) as Record<string, unknown>);
    const clocks: SlaValue['clocks'] = {};
    for (const name of CLOCKS) {
      const target = targets[name];
      if (target) clocks[name] = clockValue(name, changes, now, target, warnAt);
    }
    const values = Object.values(clocks);
    if (!values.length) return null;
    return { state: values.map((c) => c.state).reduce(worse, 'ok'), clocks };
  }

  const shown = (clock: ClockValue | undefined) =>
    clock
      ? { target: clock.target, elapsed: clock.elapsed, state: clock.state, running: clock.running, dueAt: format(clock.dueAt), businessHours: clock.businessHours }
      : null;

  /** Earliest of the running clocks' instants (`dueAt` or `checkAt`). */
  const earliest = (value: SlaValue | null, key: 'dueAt' | 'checkAt') => {
    const times = Object.values(value?.clocks ?? {})
      .map((c) => c[key])
      .filter((t): t is number => t !== null);
    return times.length ? new Date(Math.min(...times)) : null;
  };

  /** Records the ticket's SLA on its row and the warnings and breaches not recorded before; `row` must be locked in `trx`. */
  async function record(trx: Knex.Transaction, row: Row & { id: number }, now: number): Promise<Crossing[]> {
    const value = valueOf(row, (await changesOf([row], trx)).get(row.document_id)!, now);
    await trx(table())
      .where({ id: row.id })
      .update({ sla_state: value?.state ?? null, sla_due_at: earliest(value, 'dueAt'), sla_check_at: earliest(value, 'checkAt') });
    if (!value) return [];
    const marked = await trx(audit().table()).where({ entity_kind: 'ticket', entity_id: row.document_id, action: 'sla' }).select('meta');
    const seen = new Set(marked.map((m: { meta: unknown }) => {
      const meta = parseJsonColumn(m.meta) as { clock: string; state: string };
      return `${meta.clock}:${meta.state}`;
    }));
    const crossings: Crossing[] = [];
    for (const [clock, c] of Object.entries(value.clocks) as [ClockName, ClockValue][]) {
      // a clock that jumped straight to breached (a long pause of the sweep) announces the breach only
      if (c.state === 'ok' || seen.has(`${clock}:${c.state}`)) continue;
      crossings.push({ row, clock, state: c.state, dueAt: format(c.dueAt) });
    }
    await audit().append(
      trx,
      crossings.map((x) => ({ entityKind: 'ticket', entityId: row.document_id, action: 'sla', actor: SYSTEM, diff: null, meta: { clock: x.clock, state: x.state, dueAt: x.dueAt } })),
    );
    return crossings;
  }

  async function announce(crossings: Crossing[]) {
    const events = getService(strapi, 'ticket-events');
    for (const x of crossings) await events.emit(TICKET_EVENTS.sla, x.row, null, { clock: x.clock, state: x.state, dueAt: x.dueAt });
  }

  return {
    /** Reads the SLA file now (at bootstrap): a broken file stops the start with its reason. */
    load() {
      loaded = readSlaConfig(settings().slaFile);
      return loaded;
    },

    /** The SLA of each ticket as the API shows it (null: its type has none). */
    async forRows(rows: Row[], now = Date.now()) {
      const changes = await changesOf(rows);
      return new Map(
        rows.map((r) => {
          const value = valueOf(r, changes.get(r.document_id)!, now);
          return [r.document_id, value && { state: value.state, response: shown(value.clocks.response), resolution: shown(value.clocks.resolution) }];
        }),
      );
    },

    /** Recomputes a ticket locked in `trx` (after a transition or a change of what picks its targets); announce what it returns after commit. */
    async refreshLocked(trx: Knex.Transaction, documentId: string): Promise<Crossing[]> {
      const row = await trx(table()).where({ document_id: documentId }).first();
      return row ? record(trx, row, Date.now()) : [];
    },

    announce,

    /** The field whose value picks a type's targets (`by`), if any: a change of it moves the clocks' targets. */
    pickedBy(typeKey: string): string | null {
      return config().types.get(typeKey)?.by ?? null;
    },

    /**
     * Marks the tickets whose clocks reached a warning or a breach since their last check, a
     * batch at a time; rows another process is sweeping are skipped, so each crossing is
     * recorded and announced once. Returns how many tickets it looked at.
     */
    async sweep(now = Date.now(), batch = 200): Promise<number> {
      let looked = 0;
      for (;;) {
        const crossings: Crossing[] = [];
        const count = await strapi.db.connection.transaction(async (trx) => {
          const due = await trx(table()).where('sla_check_at', '<=', new Date(now)).orderBy('sla_check_at').limit(batch).forUpdate().skipLocked();
          for (const row of due) crossings.push(...(await record(trx, row, now)));
          return due.length;
        });
        await announce(crossings);
        looked += count;
        if (count < batch) return looked;
      }
    },

    /** Starts this process's sweep (every `slaCheckIntervalMs`; 0: never). */
    start() {
      const every = settings().slaCheckIntervalMs;
      this.stop();
      if (!every) return;
      timer = setInterval(() => {
        this.sweep().catch((error: Error) => strapi.log.error(`SLA sweep failed: ${error.message}`));
      }, every);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
};
