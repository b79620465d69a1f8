import fieldStatistics from './field-statistics';

type Raw = (sql: string, bindings: unknown[]) => Promise<unknown>;
const strapiWith = (raw: Raw) => ({ db: { metadata: { get: () => ({ tableName: 'ticketing_tickets' }) }, connection: { raw } }, log: { warn: () => undefined } }) as never;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('field statistics', () => {
  it('answers from what it read: a share of the rows counts as unbounded, a field not read is unknown', async () => {
    const statistics = fieldStatistics({
      strapi: strapiWith(async () => ({ rows: [{ statistics_name: 'tkt_st_pci_integer', n_distinct: 1008 }, { statistics_name: 'tkt_st_gnb_id_integer', n_distinct: -0.75 }] })),
    });
    await statistics.refresh();
    expect(statistics.distinctValues('tkt_st_pci_integer')).toBe(1008);
    expect(statistics.distinctValues('tkt_st_gnb_id_integer')).toBe(Infinity);
    expect(statistics.distinctValues('tkt_st_other_text')).toBeUndefined();
  });

  it('reads in the background when asked before any reading, and after a failed reading not on every request', async () => {
    let reads = 0;
    const statistics = fieldStatistics({
      strapi: strapiWith(async () => {
        reads += 1;
        throw new Error('the database is down');
      }),
    });
    expect(statistics.distinctValues('tkt_st_pci_integer')).toBeUndefined();
    await settle();
    for (let i = 0; i < 5; i++) statistics.distinctValues('tkt_st_pci_integer');
    await settle();
    expect(reads).toBe(1);
  });
});
