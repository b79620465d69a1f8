import { KeyedCache } from './keyed-cache';

describe('KeyedCache', () => {
  let now = 0;
  let since: number | null = null;
  const cache = () => new KeyedCache<string>({ liveSince: () => since }, 2000, () => now);
  beforeEach(() => {
    now = 1000;
    since = null;
  });

  it('without a live channel trusts a value only for the TTL', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await c.get('bs-fault', 'zh-CN', load)).toBe('v1');
    now += 1999;
    expect(await c.get('bs-fault', 'zh-CN', load)).toBe('v1');
    now += 1;
    expect(await c.get('bs-fault', 'zh-CN', load)).toBe('v2');
  });

  it('with a live channel keeps a value until it is invalidated', async () => {
    since = 500;
    const c = cache();
    let loads = 0;
    const load = async () => `v${++loads}`;
    await c.get('bs-fault', 'en', load);
    now += 60_000;
    expect(await c.get('bs-fault', 'en', load)).toBe('v1');
    c.invalidate('bs-fault');
    expect(await c.get('bs-fault', 'en', load)).toBe('v2');
  });

  it('does not trust values loaded before the channel came back', async () => {
    since = 500;
    const c = cache();
    let loads = 0;
    const load = async () => `v${++loads}`;
    await c.get('t', 'p', load);
    since = now + 10; // reconnected after the load: a change may have been missed
    now += 5000;
    expect(await c.get('t', 'p', load)).toBe('v2');
  });

  it('does not store a load that an invalidation overtook', async () => {
    since = 0;
    const c = cache();
    let release!: () => void;
    const slow = c.get('t', 'p', () => new Promise<string>((r) => (release = () => r('old'))));
    c.invalidate('t');
    release();
    expect(await slow).toBe('old');
    expect(await c.get('t', 'p', async () => 'new')).toBe('new');
  });

  it('with a TTL of 0 caches nothing (the benchmark without cache)', async () => {
    since = 0;
    const c = new KeyedCache<string>({ liveSince: () => since }, 0, () => now);
    let loads = 0;
    await c.get('t', 'p', async () => `v${++loads}`);
    expect(await c.get('t', 'p', async () => `v${++loads}`)).toBe('v2');
  });
});
