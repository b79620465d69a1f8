import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startOcrService } from '../../cms/tests/helpers/ocr-service';
import { artifactsDir, launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { field, openAs, signOut } from './helpers/ui';

interface TicketAnswer {
  data: { documentId: string; version: number; form: Record<string, unknown>; photos: string[] };
}

// a real photo of the OCR dev set: an NMS screen reading PCI 674, gNodeB ID 263694, band n1
const DEV_PHOTO = path.resolve(__dirname, '..', '..', 'ocr-service', 'test', 'fixtures', 'dev', 'dev-004.jpg');
const SITE = '成都高新金融城NR站';

describe('OCR panel in Chromium: a handler reads a photo and applies the suggestions; a viewer sees no panel', () => {
  let ocr: Awaited<ReturnType<typeof startOcrService>>;
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let ticketId = '';
  let publisherToken = '';

  const suggestionRow = (f: string) => page.locator(`[data-testid=ocr-suggestions] tr[data-row-key="${f}"]`);

  beforeAll(async () => {
    ocr = await startOcrService();
    // the CMS runs its job workers inline: the OCR job runs there and calls this service
    platform = await startPlatform({ OCR_URL: ocr.url, OCR_JOB_ATTEMPTS: '2' });
    browser = await launchBrowser();
    page = browser.page;
    publisherToken = (await apiLogin(platform, 'publisher')).jwt;
    const created = await cmsApi<TicketAnswer>(platform, '/api/ticketing/tickets', {
      token: publisherToken,
      method: 'POST',
      body: {
        data: {
          type: 'bs-fault',
          form: { site_name: SITE, gnb_id: 1, pci: 100, band: 'n78', severity: 'minor', occurred_at: '2026-11-29 10:00' },
        },
      },
    });
    ticketId = created.data.documentId;
    const body = new FormData();
    body.append('files', new Blob([fs.readFileSync(DEV_PHOTO)], { type: 'image/jpeg' }), 'nms-screen.jpg');
    const uploaded = await fetch(`${platform.cmsUrl()}/api/ticketing/tickets/${ticketId}/images`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${publisherToken}` },
      body,
    });
    expect(uploaded.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await ocr?.stop();
  });

  it('starts a job with "识别文字", shows its progress, then the recognised lines boxed over the photo', async () => {
    const statuses: string[] = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/jobs/') || url.pathname === '/api/ocr/jobs') {
        statuses.push(((await response.json().catch(() => null)) as { data?: { status?: string } } | null)?.data?.status ?? '?');
      }
    });
    await openAs(page, platform.portalUrl, 'handler', `/tickets/${ticketId}`);
    await page.getByTestId('ocr-panel').waitFor();
    expect(await page.getByTestId('ocr-start').textContent()).toMatch(/识别文字/);
    await page.getByTestId('ocr-photo').waitFor(); // the photo, not read yet: no boxes
    expect(await page.getByTestId('ocr-box').count()).toBe(0);

    await page.getByTestId('ocr-start').click();
    await page.getByTestId('ocr-progress').waitFor();
    // no second job while one runs
    expect(await page.getByTestId('ocr-start').isDisabled()).toBe(true);
    await page.locator('[data-testid=ocr-progress][data-status=succeeded]').waitFor({ timeout: 120_000 });
    expect(statuses[0]).toBe('queued');
    expect(statuses.at(-1)).toBe('succeeded');
    expect(await page.getByTestId('ocr-progress-text').textContent()).toMatch(/识别完成/);
    expect(await page.getByTestId('ocr-progress').getAttribute('data-done')).toBe('1');
    expect(await page.getByTestId('ocr-progress').getAttribute('data-total')).toBe('1');

    await page.locator('[data-testid=ocr-box]').nth(10).waitFor();
    const boxes = await page.getByTestId('ocr-box').count();
    expect(boxes).toBeGreaterThan(10);
    // the overlay is the size of the photo as shown (scaled down from 761 × 455), and so are the boxes
    const img = (await page.locator('[data-testid=ocr-photo] img').boundingBox())!;
    const svg = (await page.getByTestId('ocr-overlay').boundingBox())!;
    expect(img.width).toBeLessThan(761);
    expect(Math.abs(svg.width - img.width)).toBeLessThan(2);
    expect(Math.abs(svg.height - img.height)).toBeLessThan(2);
    for (const box of await page.getByTestId('ocr-box').all()) {
      const b = (await box.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(img.x - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(img.x + img.width + 1);
    }
    expect(await page.locator('[data-testid=ocr-box] title').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('674')]));
  });

  it('shows the suggestions beside the form with Chinese labels; hovering PCI highlights its source on the photo', async () => {
    await suggestionRow('pci').waitFor();
    expect(await suggestionRow('pci').textContent()).toContain('物理小区标识'); // the field's label in the UI language
    expect(await page.getByTestId('ocr-value-pci').inputValue()).toBe('674');
    expect(await page.getByTestId('ocr-current-pci').textContent()).toBe('100');
    expect(await page.getByTestId('ocr-value-band').inputValue()).toBe('n1');
    expect(await page.getByTestId('ocr-value-gnb_id').inputValue()).toBe('263694');
    // every value as the form shows it: no raw ISO moment (2025-01-23T07:50:00+08:00) in the table
    const shown = await page.locator('[data-testid^=ocr-value-]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(shown.filter((value) => /\dT\d{2}:\d{2}/.test(value))).toEqual([]);
    // the site name on the photo is the one the ticket has
    if ((await suggestionRow('site_name').count()) > 0) expect(await suggestionRow('site_name').textContent()).toContain('与当前值相同');

    expect(await page.getByTestId('ocr-highlight').count()).toBe(0);
    await suggestionRow('pci').hover();
    await page.getByTestId('ocr-highlight').waitFor();
    const marked = page.locator('[data-testid=ocr-box][data-marked]');
    expect(await marked.count()).toBeGreaterThan(0);
    expect(await marked.first().locator('title').textContent()).toContain('674');
    // the highlight sits on the PCI line of the photo
    const highlight = (await page.getByTestId('ocr-highlight').boundingBox())!;
    const line = (await marked.first().boundingBox())!;
    expect(highlight.y).toBeLessThanOrEqual(line.y + 2);
    expect(highlight.y + highlight.height).toBeGreaterThanOrEqual(line.y + line.height - 2);
    // the panel's picture with the PCI source highlighted: a viewport tall enough that no scroll moves the rows under the mouse
    await page.setViewportSize({ width: 1400, height: 1600 });
    await page.getByTestId('ocr-panel').scrollIntoViewIfNeeded();
    await suggestionRow('pci').hover();
    await page.getByTestId('ocr-highlight').waitFor();
    expect(await page.locator('[data-testid=ocr-box][data-marked] title').first().textContent()).toContain('674');
    await page.getByTestId('ocr-panel').screenshot({ path: path.join(artifactsDir, 'ocr-panel.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByTestId('ticket-card').hover();
    await page.getByTestId('ocr-highlight').waitFor({ state: 'detached' });
  });

  it('leaves an unsure reading (the band, read as "nl") unticked with a warning when all are accepted', async () => {
    // the server marks it: the weakest character of the value (the l) is below the threshold
    const handlerToken = (await apiLogin(platform, 'handler')).jwt;
    const answer = await cmsApi<{ data: { field: string; minCharConfidence: number; unsure: boolean }[] }>(
      platform,
      `/api/ocr/tickets/${ticketId}/suggestions`,
      { token: handlerToken },
    );
    const band = answer.data.find((s) => s.field === 'band')!;
    expect(band).toMatchObject({ unsure: true });
    expect(band.minCharConfidence).toBeLessThan(0.7);
    expect(answer.data.find((s) => s.field === 'pci')).toMatchObject({ unsure: false });

    expect(await page.getByTestId('ocr-unsure-band').textContent()).toContain('识别不确定');
    expect(await page.getByTestId('ocr-unsure-pci').count()).toBe(0);
    expect(await page.getByTestId('ocr-unsure-note').textContent()).toMatch(/不会勾选 \d+ 个不确定的识别值/);
    await page.getByTestId('ocr-accept-all').click();
    expect(await page.getByTestId('ocr-accept-pci').isChecked()).toBe(true);
    expect(await page.getByTestId('ocr-accept-gnb_id').isChecked()).toBe(true);
    expect(await page.getByTestId('ocr-accept-band').isChecked()).toBe(false);
    expect(await page.getByTestId('ocr-unsure-band').isVisible()).toBe(true);
    await page.getByTestId('ocr-clear').click();
    expect(await page.getByTestId('ocr-accept-pci').isChecked()).toBe(false);
  });

  it('holds the apply back while the form has unsaved edits, and shows a refused value on its row', async () => {
    await page.getByTestId('ocr-accept-pci').click();
    expect(await page.getByTestId('ocr-apply').isEnabled()).toBe(true);
    await field(page, 'site_name').fill(`${SITE}-改`);
    await page.getByTestId('ocr-dirty').waitFor();
    expect(await page.getByTestId('ocr-apply').isDisabled()).toBe(true);
    await field(page, 'site_name').fill(SITE);
    await page.getByTestId('ocr-dirty').waitFor({ state: 'detached' });

    await page.getByTestId('ocr-value-pci').fill('5000');
    const refused = page.waitForResponse((r) => r.url().endsWith('/apply') && r.request().method() === 'POST');
    await page.getByTestId('ocr-apply').click();
    expect((await refused).status()).toBe(400);
    await page.getByTestId('ocr-error-pci').waitFor();
    expect(await field(page, 'pci').inputValue()).toBe('100');
    await page.getByTestId('ocr-value-pci').fill('674');
    await page.getByTestId('ocr-error-pci').waitFor({ state: 'detached' });
  });

  it('applies PCI and band as read and the gNodeB ID as edited (after a 409 reloads the ticket); the form shows them and the history an OCR entry', async () => {
    await page.getByTestId('ocr-value-gnb_id').fill('263695'); // editing accepts the row
    expect(await page.getByTestId('ocr-accept-gnb_id').isChecked()).toBe(true);
    await page.getByTestId('ocr-edited-gnb_id').waitFor();
    if (!(await page.getByTestId('ocr-accept-band').isChecked())) await page.getByTestId('ocr-accept-band').click();
    expect(await page.getByTestId('ocr-accept-pci').isChecked()).toBe(true);
    expect(await page.getByTestId('ocr-apply').textContent()).toMatch(/填入工单（3）/);

    // someone saves the ticket meanwhile: the apply at the old version is a 409, the ticket reloads and the choices stay
    const loaded = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ticketId}`, { token: publisherToken });
    await cmsApi(platform, `/api/ticketing/tickets/${ticketId}`, {
      token: publisherToken,
      method: 'PUT',
      body: { data: { form: { ...loaded.data.form, description: '现场已派人' }, version: loaded.data.version } },
    });
    const stale = page.waitForResponse((r) => r.url().endsWith('/apply') && r.request().method() === 'POST');
    await page.getByTestId('ocr-apply').click();
    expect((await stale).status()).toBe(409);
    await page.locator('.ant-message').getByText('工单已被他人修改').waitFor();
    await page.getByTestId('ticket-version').getByText(`版本 ${loaded.data.version + 1}`).waitFor();
    expect(await field(page, 'description').inputValue()).toBe('现场已派人');
    expect(await page.getByTestId('ocr-apply').textContent()).toMatch(/填入工单（3）/);

    const before = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ticketId}`, { token: publisherToken });
    expect(before.data.version).toBe(loaded.data.version + 1);
    const applied = page.waitForResponse((r) => r.url().endsWith('/apply') && r.request().method() === 'POST');
    await page.getByTestId('ocr-apply').click();
    const response = await applied;
    expect(response.status()).toBe(200);
    // values as read go as read; the edit goes as typed, and the server reads a whole number from it
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({
      data: { values: { pci: 674, band: 'n1', gnb_id: '263695' }, version: before.data.version },
    });

    await page.waitForFunction(() => (document.querySelector('#root_pci') as HTMLInputElement | null)?.value === '674');
    expect(await field(page, 'gnb_id').inputValue()).toBe('263695');
    expect(await page.locator('.ant-form-item:has(#root_band)').last().textContent()).toContain('n1');
    expect(await page.getByTestId('ocr-current-pci').textContent()).toBe('674');
    const stored = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ticketId}`, { token: publisherToken });
    expect(stored.data).toMatchObject({ version: before.data.version + 1, form: { pci: 674, band: 'n1', gnb_id: 263695, site_name: SITE } });

    const entry = page.locator('[data-testid=history-entry][data-action=ocr_apply]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('674');
    await page.screenshot({ path: path.join(artifactsDir, 'ocr-applied.png'), fullPage: true });
    expect(browser.pageErrors).toEqual([]);
    await signOut(page);
  });

  it('shows a viewer the ticket and its photos but no OCR panel', async () => {
    await openAs(page, platform.portalUrl, 'viewer', `/tickets/${ticketId}`);
    await page.getByTestId('photo-card').first().waitFor(); // the page is complete: now what is absent is absent
    await page.getByTestId('readonly-notice').waitFor();
    expect(await page.getByTestId('ocr-panel').count()).toBe(0);
    expect(await page.getByTestId('ocr-start').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
