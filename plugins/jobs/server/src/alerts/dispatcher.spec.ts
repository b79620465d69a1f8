import { createDispatcher } from './dispatcher';

describe('alert dispatcher', () => {
  let now = 0;
  const sent: { url: string; body: any }[] = [];
  const warnings: string[] = [];
  const make = (maxPerMinute = 10) =>
    createDispatcher(
      { receivers: [{ name: 'json', kind: 'json', url: 'http://r/json', msgtype: 'text', secret: '' }], repeatMinutes: 60, maxPerMinute },
      async (url, body) => {
        sent.push({ url, body });
      },
      (m) => warnings.push(m),
      () => now,
    );
  beforeEach(() => {
    now = 1_000_000;
    sent.length = 0;
    warnings.length = 0;
  });

  it('announces a firing condition once, again after repeatMinutes, and recovered once', async () => {
    const d = make();
    await d.fire('redis', 'redis', 'Redis down', 'a');
    await d.fire('redis', 'redis', 'Redis down', 'b');
    now += 59 * 60_000;
    await d.fire('redis', 'redis', 'Redis down', 'c');
    now += 60_000;
    await d.fire('redis', 'redis', 'Redis down', 'd');
    await d.clear('redis', 'redis', 'back');
    await d.clear('redis', 'redis', 'back');
    expect(sent.map((s) => [s.body.state, s.body.detail])).toEqual([
      ['firing', 'a'],
      ['firing', 'd'],
      ['recovered', 'back'],
    ]);
  });

  it('sends at most maxPerMinute messages a minute per receiver, and says what it dropped', async () => {
    const d = make(2);
    for (let i = 0; i < 4; i++) await d.event(`job:${i}`, 'jobFailed', `job ${i}`, 'x');
    expect(sent).toHaveLength(2);
    expect(d.dropped()).toBe(2);
    expect(warnings[0]).toMatch(/over 2 messages a minute, dropped "job 2"/);
    now += 60_000;
    await d.event('job:5', 'jobFailed', 'job 5', 'x');
    expect(sent).toHaveLength(3);
  });

  it('a clear without an earlier announcement sends nothing', async () => {
    await make().clear('ocrNotReady', 'ocrNotReady', 'fine');
    expect(sent).toHaveLength(0);
  });
});
