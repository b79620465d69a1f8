import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { waitFor } from '../../cms/tests/helpers/jobs';
import { artifactsDir, launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { signIn, signOut } from './helpers/ui';

interface TicketAnswer {
  data: { documentId: string; version: number; assignee: { id: number; username: string } | null; sla: { state: string | null } | null };
}

// seconds, not hours: a critical fault must be answered within 3 s, so it is breached by the time the browser looks
const slaFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-sla-')), 'sla.yaml');
fs.writeFileSync(
  slaFile,
  `warnAt: 0.8
types:
  bs-fault:
    by: severity
    targets:
      critical: { response: 3s, resolution: 1h }
      minor: { response: 4h, resolution: 24h }
`,
);

const NOTE = '天线已更换，驻波比恢复。\n<b>明早</b>复查告警';

describe('Teamwork in Chromium: claiming, My tickets, work notes, a breached SLA and the bell', () => {
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let publisher = '';
  let calm = ''; // minor: claimed by the handler
  let urgent = ''; // critical: breached

  const ticket = (id: string) => cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${id}`, { token: publisher }).then((r) => r.data);
  const create = async (site: string, severity: string) => {
    const form = { site_name: site, gnb_id: 1, pci: 301, severity, occurred_at: '2026-12-01 10:00' };
    const made = await cmsApi<TicketAnswer>(platform, '/api/ticketing/tickets', { token: publisher, method: 'POST', body: { data: { type: 'bs-fault', form } } });
    const { documentId, version } = made.data;
    await cmsApi(platform, `/api/ticketing/tickets/${documentId}/transition`, { token: publisher, method: 'POST', body: { data: { to: 'submitted', version } } });
    return documentId;
  };
  const rowOf = (id: string) => page.getByTestId('ticket-table').locator('tr', { has: page.locator(`a[href="/tickets/${id}"]`) });

  beforeAll(async () => {
    platform = await startPlatform({ SLA_CONFIG: slaFile, SLA_CHECK_INTERVAL_MS: '500' });
    browser = await launchBrowser();
    page = browser.page;
    publisher = (await apiLogin(platform, 'publisher')).jwt;
    calm = await create('协作测试站A', 'minor');
    urgent = await create('协作测试站B', 'critical');
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('lands a handler in an empty My tickets; they claim a ticket on its page and it is theirs in My tickets and the list', async () => {
    await page.goto(`${platform.portalUrl}/login`);
    await signIn(page, 'handler');
    await page.waitForURL((url) => url.pathname === '/my-tickets');
    await page.getByTestId('list-empty').waitFor();

    await page.goto(`${platform.portalUrl}/tickets/${calm}`);
    const assignee = page.getByTestId('assignee');
    await assignee.waitFor();
    expect(await assignee.getAttribute('data-assignee')).toBe('');
    expect(await page.getByTestId('assign-ticket').count()).toBe(0); // a handler may not assign others
    await page.getByTestId('claim-ticket').click();
    await page.locator('[data-testid=assignee][data-assignee=handler]').waitFor();
    await page.getByTestId('hand-back-ticket').waitFor();
    expect(await page.getByTestId('claim-ticket').count()).toBe(0);
    expect((await ticket(calm)).assignee?.username).toBe('handler');
    // the claim is in the history, from nobody to the handler
    await page.locator('[data-testid=history-entry][data-action=assign]').waitFor();

    await page.getByTestId('nav-my-tickets').click();
    await page.waitForURL((url) => url.pathname === '/my-tickets');
    await rowOf(calm).waitFor();
    expect(await page.getByTestId('ticket-link').count()).toBe(1);
    expect(await rowOf(calm).getByTestId('ticket-assignee').textContent()).toBe('handler');

    await page.goto(`${platform.portalUrl}/tickets?assignee=me`);
    await rowOf(calm).waitFor();
    expect(await page.getByTestId('ticket-link').count()).toBe(1);
  });

  it('adds a work note that shows in the timeline as plain text with its line break', async () => {
    await page.goto(`${platform.portalUrl}/tickets/${calm}`);
    const box = page.getByTestId('note-text');
    await box.waitFor();
    await box.fill(NOTE);
    expect(await page.getByTestId('note-box').textContent()).toContain(`${[...NOTE].length} / 4000`);
    await page.getByTestId('note-add').click();
    const shown = page.locator('[data-testid=history-entry][data-action=note]').getByTestId('note-text-shown');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(NOTE);
    expect(await shown.locator('b').count()).toBe(0); // the markup stays characters
    // the line break is a line break on screen: two lines of text, not one
    const lines = await shown.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines).toBe(2);
    expect(await box.inputValue()).toBe('');
    await page.screenshot({ path: path.join(artifactsDir, 'ticket-note-claimed.png') });
  });

  it('shows the breached critical ticket red in the list, its SLA filter and its page; the calm one counts down', async () => {
    await waitFor('the breach', async () => (await ticket(urgent)).sla?.state === 'breached', 20_000, 250);
    // the list filters on what the sweep last stored (every 500 ms here)
    const breachedIds = async () =>
      (await cmsApi<{ data: { documentId: string }[] }>(platform, '/api/ticketing/tickets?type=bs-fault&sla=breached', { token: publisher })).data.map((t) => t.documentId);
    await waitFor('the sweep', async () => (await breachedIds()).includes(urgent), 20_000, 250);
    await page.goto(`${platform.portalUrl}/tickets?type=bs-fault`);
    const urgentTag = rowOf(urgent).getByTestId('sla-tag');
    await urgentTag.waitFor();
    expect(await urgentTag.getAttribute('data-sla')).toBe('breached');
    expect(await urgentTag.getAttribute('class')).toContain('ant-tag-red');
    expect(await urgentTag.textContent()).toMatch(/^已超时 (\d+分 )?\d+秒$/);
    const calmTag = rowOf(calm).getByTestId('sla-tag');
    expect(await calmTag.getAttribute('data-sla')).toBe('ok');
    expect(await calmTag.textContent()).toMatch(/^剩余 3小时 5\d分$/);
    await page.screenshot({ path: path.join(artifactsDir, 'ticket-list-sla.png') });

    await page.goto(`${platform.portalUrl}/tickets?type=bs-fault&sla=breached`);
    await rowOf(urgent).waitFor();
    expect(await page.getByTestId('ticket-link').count()).toBe(1);

    await page.goto(`${platform.portalUrl}/tickets/${urgent}`);
    const tag = page.getByTestId('ticket-card').getByTestId('sla-tag');
    await tag.waitFor();
    expect(await tag.getAttribute('data-sla')).toBe('breached');
    expect(await tag.getAttribute('class')).toContain('ant-tag-red');
  });

  it('rings the bell when a publisher assigns the handler a ticket; the notification opens it and is then read', async () => {
    const handlerId = (await cmsApi<{ data: { id: number } }>(platform, '/api/ticketing/me', { token: (await apiLogin(platform, 'handler')).jwt })).data.id;
    const { version } = await ticket(urgent);
    await cmsApi(platform, `/api/ticketing/tickets/${urgent}/assign`, { token: publisher, method: 'POST', body: { data: { assignee: handlerId, version } } });
    const count = page.getByTestId('bell-count');
    // the bell asks every 30 s; a reload asks at once
    await waitFor(
      'the unread notification',
      async () => {
        await page.goto(`${platform.portalUrl}/my-tickets`);
        await count.waitFor();
        return Number(await count.getAttribute('data-unread')) > 0;
      },
      30_000,
      1000,
    );
    await rowOf(urgent).waitFor(); // assigned to the handler: in My tickets too
    await page.getByTestId('bell').click();
    const item = page.locator('[data-testid=bell-item][data-read=false]', { hasText: '分配给了你' });
    await item.first().waitFor();
    const unreadBefore = Number(await count.getAttribute('data-unread'));
    await item.first().click();
    await page.waitForURL((url) => url.pathname === `/tickets/${urgent}`);
    await waitFor('the count to drop', async () => Number(await count.getAttribute('data-unread')) === unreadBefore - 1, 10_000, 100);

    await page.getByTestId('bell').click();
    await page.getByTestId('bell-preferences').click();
    await page.waitForURL((url) => url.pathname === '/notifications/preferences');
    // every kind in the portal by default
    await page.locator('[data-testid=pref-noted-inApp][aria-checked=true]').waitFor();
    await signOut(page);
    expect(browser.pageErrors).toEqual([]);
  });
});
