import type { CDPSession, Page } from 'playwright-core';

const KEYS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
type Metrics = Record<(typeof KEYS)[number], number>;

/** Chromium's own main-thread totals (seconds) for the page: tasks, script, style recalculation, layout. */
async function read(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(KEYS.map((key) => [key, metrics.find((m) => m.name === key)?.value ?? 0])) as Metrics;
}

/** Runs `work` and answers how many milliseconds of each kind of main-thread work it cost, per `count` (keystrokes). */
export async function mainThreadCost(page: Page, count: number, work: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await read(cdp);
  await work();
  const after = await read(cdp);
  await cdp.detach();
  const per = (key: (typeof KEYS)[number]) => Math.round(((after[key] - before[key]) * 1000 * 10) / count) / 10;
  return { task: per('TaskDuration'), script: per('ScriptDuration'), style: per('RecalcStyleDuration'), layout: per('LayoutDuration') };
}
