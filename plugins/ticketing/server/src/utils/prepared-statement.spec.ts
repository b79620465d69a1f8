import knex from 'knex';
import { MAX_NAMED_STATEMENTS, prepared } from './prepared-statement';

const db = knex({ client: 'pg' });
const nameOf = (query: ReturnType<typeof db>) => (query.toSQL() as unknown as { options?: { name?: string } }).options?.name;

describe('prepared', () => {
  it('gives queries of one shape one name, whatever their values, and other shapes other names', () => {
    const pci387 = nameOf(prepared(db('tickets').where('pci', 387).limit(25)));
    const pci12 = nameOf(prepared(db('tickets').where('pci', 12).limit(25)));
    const band = nameOf(prepared(db('tickets').where('band', 'n78').limit(25)));
    expect(pci387).toMatch(/^q_[\w-]{24}$/);
    expect(pci12).toBe(pci387);
    expect(band).not.toBe(pci387);
  });

  it('leaves shapes beyond the cap unnamed, and still names the shapes it named before', () => {
    const first = nameOf(prepared(db('tickets').where('pci', 1)));
    for (let i = 0; i < MAX_NAMED_STATEMENTS + 10; i++) prepared(db('tickets').where(`column_${i}`, 1));
    expect(nameOf(prepared(db('tickets').where('another', 1)))).toBeUndefined();
    expect(nameOf(prepared(db('tickets').where('pci', 2)))).toBe(first);
  });
});
