import { recipientsOf } from './recipient-rules';
import type { TicketEvent } from '../events/ticket-event';

const event = (over: Partial<TicketEvent> & { actorId?: number | null } = {}): TicketEvent => ({
  id: 'e1',
  kind: 'assigned',
  ticket: { documentId: 't1', type: 'bs-fault', status: 'submitted', version: 3, creatorId: 10, assigneeId: 20, title: '站点' },
  actor: { kind: 'user', id: String(over.actorId ?? 99), name: 'x', role: 'publisher', userId: over.actorId === undefined ? 99 : over.actorId },
  at: '2026-12-07T10:00:00.000+08:00',
  extra: {},
  ...over,
});

describe('recipientsOf', () => {
  it('tells the new assignee of an assignment', () => {
    expect(recipientsOf(event({ extra: { from: null, to: 20 } }), 'assigned', [])).toEqual([20]);
  });

  it('tells nobody when the assignee assigned themselves (a claim)', () => {
    expect(recipientsOf(event({ actorId: 20, extra: { from: null, to: 20 } }), 'assigned', [])).toEqual([]);
  });

  it('tells nobody when a ticket is unassigned', () => {
    const unassigned = event({ extra: { from: 20, to: null } });
    unassigned.ticket.assigneeId = null;
    expect(recipientsOf(unassigned, 'assigned', [])).toEqual([]);
  });

  it('tells the assignee and the creator of a note, not its author', () => {
    expect(recipientsOf(event({ kind: 'noted' }), 'noted', [])).toEqual([20, 10]);
    expect(recipientsOf(event({ kind: 'noted', actorId: 10 }), 'noted', [])).toEqual([20]);
    expect(recipientsOf(event({ kind: 'noted', actorId: 20 }), 'noted', [])).toEqual([10]);
  });

  it('tells the assignee and every publisher of an SLA warning or breach, once each', () => {
    const sla = event({ kind: 'sla', actorId: null, extra: { clock: 'resolution', state: 'breached' } });
    expect(recipientsOf(sla, 'sla_breached', [30, 20, 31])).toEqual([20, 30, 31]);
    expect(recipientsOf(sla, 'sla_warning', [])).toEqual([20]);
  });

  it('tells creator and assignee that their ticket moved, except who moved it', () => {
    expect(recipientsOf(event({ kind: 'transitioned' }), 'transitioned', [])).toEqual([10, 20]);
    expect(recipientsOf(event({ kind: 'transitioned', actorId: 20 }), 'transitioned', [])).toEqual([10]);
  });

  it('names one person once when they created and hold the ticket', () => {
    const own = event({ kind: 'transitioned' });
    own.ticket.creatorId = 20;
    expect(recipientsOf(own, 'transitioned', [])).toEqual([20]);
  });

  it('tells nobody of a ticket without creator or assignee (an import, an API token)', () => {
    const orphan = event({ kind: 'transitioned' });
    orphan.ticket.creatorId = null;
    orphan.ticket.assigneeId = null;
    expect(recipientsOf(orphan, 'transitioned', [])).toEqual([]);
  });
});
