/** One PUT of a ticket's form by one client: what it read, what it wrote, what it got. */
export interface UpdateOutcome {
  ticket: string;
  requestId: string;
  status: number;
  /** The `description` the client read (and the version it sent with the PUT). */
  before: string;
  readVersion: number;
  /** The `description` it wrote: unique to this request. */
  after: string;
  /** On a 409: the version the ticket had moved on to, as the answer says. */
  conflictVersion?: number;
}

export interface ConcurrentUpdates {
  baseUrl: string;
  /** One bearer token per client, reused round robin when there are fewer. */
  tokens: string[];
  tickets: string[];
  clients: number;
  updatesPerClient: number;
}

/**
 * `clients` clients at once, each `updatesPerClient` times: read a ticket picked at random, then
 * PUT its form with a new `description` and the version it read — an optimistic write that
 * conflicts whenever another client wrote the ticket in between. Each PUT carries its own
 * X-Request-Id, so its audit entry can be found.
 */
export async function runConcurrentUpdates(options: ConcurrentUpdates): Promise<UpdateOutcome[]> {
  const outcomes: UpdateOutcome[] = [];
  const client = async (index: number) => {
    const headers = { Authorization: `Bearer ${options.tokens[index % options.tokens.length]}`, 'Content-Type': 'application/json' };
    for (let n = 0; n < options.updatesPerClient; n += 1) {
      const ticket = options.tickets[Math.floor(Math.random() * options.tickets.length)];
      const url = `${options.baseUrl}/api/ticketing/tickets/${ticket}`;
      const read = await fetch(url, { headers });
      if (read.status !== 200) throw new Error(`GET ${ticket}: ${read.status} ${await read.text()}`);
      const { data } = (await read.json()) as { data: { version: number; form: Record<string, unknown> } };
      const requestId = `scale-out-${index}-${n}`;
      const after = `client ${index} update ${n}`;
      const res = await fetch(url, {
        method: 'PUT',
        headers: { ...headers, 'X-Request-Id': requestId },
        body: JSON.stringify({ data: { version: data.version, form: { ...data.form, description: after } } }),
      });
      const body = (await res.json()) as { error?: { details?: { version?: number } } };
      outcomes.push({
        ticket,
        requestId,
        status: res.status,
        before: String(data.form.description),
        readVersion: data.version,
        after,
        conflictVersion: res.status === 409 ? body.error?.details?.version : undefined,
      });
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  return outcomes;
}
