import type { Page } from 'playwright-core';

/**
 * Installs, in the page, a clock on the input `#root_<field>`: from a keydown's timestamp (when
 * the browser took the key, so time spent queued behind earlier work counts) to the end of the
 * first frame whose input shows the typed value — a controlled input shows it only once the
 * form has rendered the change, so the form's whole update is inside the measure. The Event
 * Timing API's keydown durations (8 ms resolution, only those ≥ 16 ms) are kept as a cross-check.
 */
export async function installKeystrokeClock(page: Page, field: string): Promise<void> {
  await page.evaluate((selector) => {
    const input = document.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector} on the page`);
    const w = window as unknown as { __paints: number[]; __events: number[]; __observing?: boolean };
    w.__paints = [];
    w.__events = [];
    input.addEventListener('keydown', (event) => {
      const start = event.timeStamp;
      input.addEventListener(
        'input',
        () => {
          const typed = input.value;
          // the frame that paints the typed value: checked at each frame's start, timed after it
          const check = () => {
            const current = document.querySelector<HTMLInputElement>(selector);
            if (current?.value === typed) setTimeout(() => w.__paints.push(performance.now() - start));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        },
        { once: true },
      );
    });
    if (w.__observing) return;
    w.__observing = true;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
        if (entry.name === 'keydown' && entry.interactionId) w.__events.push(entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  }, `#root_${field}`);
}

/** Types `text` one key at a time, each after the previous one has painted and the page sat idle `gapMs`. */
export async function typeMeasured(page: Page, field: string, text: string, gapMs: number): Promise<number[]> {
  const input = page.locator(`#root_${field}`);
  await input.fill('');
  await input.focus();
  await page.evaluate(() => {
    const w = window as unknown as { __paints: number[]; __events: number[] };
    w.__paints = [];
    w.__events = [];
  });
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.press(text[i]);
    await page.waitForFunction((count) => (window as unknown as { __paints: number[] }).__paints.length >= count, i + 1);
    await page.waitForTimeout(gapMs);
  }
  return page.evaluate(() => (window as unknown as { __paints: number[] }).__paints.slice());
}

/** The Event Timing durations of the keydowns since the last `typeMeasured` began (only those ≥ 16 ms). */
export const slowEventDurations = (page: Page) => page.evaluate(() => (window as unknown as { __events: number[] }).__events.slice());

/** The `q` quantile (0–1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
