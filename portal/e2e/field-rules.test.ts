import type { Page, Response } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { choose, field, fieldError, openAs, setDateTime, signOut } from './helpers/ui';

interface TicketAnswer {
  data: { documentId: string; version: number; form: Record<string, unknown> };
}

const PHONE = '13912345678';
const fault = {
  site_name: '外高桥基站07',
  gnb_id: 4242,
  pci: 321,
  severity: 'major',
  occurred_at: '2026-11-30 09:00',
  reporter_phone: PHONE,
};

/** Every body of an /api answer the page receives from now on, as text. */
function recordApiBodies(page: Page) {
  const bodies: string[] = [];
  const pending: Promise<unknown>[] = [];
  const onResponse = (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    pending.push(
      response
        .text()
        .then((text) => bodies.push(text))
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);
  return {
    async stop() {
      page.off('response', onResponse);
      await Promise.all(pending);
      return bodies;
    },
  };
}

describe('field rules in Chromium: who sees and changes which field, and fields that depend on others', () => {
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let ticketId = '';
  let publisherToken = '';

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    page = browser.page;
    publisherToken = (await apiLogin(platform, 'publisher')).jwt;
    const created = await cmsApi<TicketAnswer>(platform, '/api/ticketing/tickets', {
      token: publisherToken,
      method: 'POST',
      body: { data: { type: 'bs-fault', form: fault } },
    });
    ticketId = created.data.documentId;
    // a second version, so that the history holds an update beside the creation
    await cmsApi(platform, `/api/ticketing/tickets/${ticketId}`, {
      token: publisherToken,
      method: 'PUT',
      body: { data: { form: { ...created.data.form, pci: 322 }, version: created.data.version } },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("never shows a viewer the bs-fault reporter's phone: not in the list, the ticket, its history or any answer the page receives", async () => {
    const recording = recordApiBodies(page);
    await openAs(page, platform.portalUrl, 'viewer', '/tickets?type=bs-fault');
    await page.getByTestId('ticket-link').first().waitFor();
    expect(await page.locator('body').textContent()).not.toContain(PHONE);

    await page.getByTestId('ticket-link').first().click();
    await page.waitForURL((url) => url.pathname === `/tickets/${ticketId}`);
    await field(page, 'pci').waitFor();
    await page.locator('[data-testid=history-entry]').nth(1).waitFor();
    expect(await page.getByTestId('readonly-notice').count()).toBe(1);
    expect(await field(page, 'reporter_phone').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('联系电话');
    expect(await page.locator('body').textContent()).not.toContain(PHONE);

    const bodies = await recording.stop();
    expect(bodies.some((body) => body.includes(ticketId))).toBe(true); // the recording did see the ticket's answers
    expect(bodies.filter((body) => body.includes(PHONE) || body.includes('reporter_phone'))).toEqual([]);
    // the same ticket read by a handler holds the phone: the viewer's answers left it out
    const handlerToken = (await apiLogin(platform, 'handler')).jwt;
    const asHandler = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ticketId}`, { token: handlerToken });
    expect(asHandler.data.form.reporter_phone).toBe(PHONE);
    await signOut(page);
  });

  it('shows a handler the severity read-only (and the server refuses a changed one), other fields editable', async () => {
    await openAs(page, platform.portalUrl, 'handler', `/tickets/${ticketId}`);
    await field(page, 'pci').waitFor();
    expect(await field(page, 'reporter_phone').inputValue()).toBe(PHONE);
    const severity = page.locator('.ant-select').filter({ has: field(page, 'severity') });
    expect(await severity.getAttribute('class')).toContain('ant-select-disabled');
    expect(await field(page, 'pci').isEditable()).toBe(true);

    const handlerToken = (await apiLogin(platform, 'handler')).jwt;
    const stored = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ticketId}`, { token: handlerToken });
    const res = await fetch(`${platform.cmsUrl()}/api/ticketing/tickets/${ticketId}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${handlerToken}` },
      body: JSON.stringify({ data: { form: { ...stored.data.form, severity: 'critical' }, version: stored.data.version } }),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('severity');
    await signOut(page);
  });

  it('shows and requires the maintenance fields as the impact and the work type change, and refuses an end before the start', async () => {
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/ticketing/tickets') creates.push(request.url());
    });
    await openAs(page, platform.portalUrl, 'publisher', '/tickets/new?type=maintenance');
    await field(page, 'site_name').waitFor();
    expect(await field(page, 'outage_minutes').count()).toBe(0);
    expect(await field(page, 'work_detail').count()).toBe(0);
    expect(await field(page, 'approver_phone').count()).toBe(1);

    await field(page, 'site_name').fill('金桥基站03');
    await choose(page, field(page, 'work_type'), '电源维护');
    await setDateTime(page, field(page, 'start_at'), '2026-12-01 10:00:00');
    await setDateTime(page, field(page, 'end_at'), '2026-12-01 09:00:00');
    await choose(page, field(page, 'impact'), '业务中断');
    await field(page, 'outage_minutes').waitFor();
    await page.getByTestId('save-ticket').click();
    await fieldError(page, 'outage_minutes').waitFor();
    expect(await fieldError(page, 'outage_minutes').textContent()).toContain('必填');
    expect(await fieldError(page, 'approver_phone').textContent()).toContain('必填');
    expect(await fieldError(page, 'end_at').textContent()).toContain('必须晚于开始时间');

    // a degraded service shows the minutes without requiring them or the approver
    await choose(page, field(page, 'impact'), '性能下降');
    await field(page, 'outage_minutes').fill('30');
    await choose(page, field(page, 'impact'), '无影响');
    await field(page, 'outage_minutes').waitFor({ state: 'detached' });

    await choose(page, field(page, 'work_type'), '其他');
    await field(page, 'work_detail').waitFor();
    await choose(page, field(page, 'work_type'), '软件升级');
    await field(page, 'work_detail').waitFor({ state: 'detached' });
    expect(creates).toHaveLength(0); // all refused in the browser

    // the server refuses the same end before the start under the same field
    const refused = await fetch(`${platform.cmsUrl()}/api/ticketing/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${publisherToken}` },
      body: JSON.stringify({
        data: {
          type: 'maintenance',
          form: {
            site_name: '金桥基站03',
            work_type: 'software_upgrade',
            start_at: '2026-12-01T10:00:00+08:00',
            end_at: '2026-12-01T09:00:00+08:00',
            impact: 'none',
          },
        },
      }),
    });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { details: { errors: { field: string }[] } } };
    expect(body.error.details.errors.map((e) => e.field)).toEqual(['end_at']);

    // fixed: the end after the start, no impact — saved without the hidden minutes
    await setDateTime(page, field(page, 'end_at'), '2026-12-01 12:00:00');
    await page.getByTestId('save-ticket').click();
    await page.waitForURL((url) => /^\/tickets\/[a-z0-9]{24}$/.test(url.pathname));
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${id}`, { token: publisherToken });
    expect(stored.data.form).toEqual({
      site_name: '金桥基站03',
      work_type: 'software_upgrade',
      start_at: '2026-12-01T10:00:00+08:00',
      end_at: '2026-12-01T12:00:00+08:00',
      impact: 'none',
    });
    expect(creates).toHaveLength(1);
  });

  it('raised no uncaught error in any page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
