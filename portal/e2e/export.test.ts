import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { openAs } from './helpers/ui';

interface JobAnswer {
  data: { status: string; progress: { done?: number; total?: number } | null };
}

// four bs-fault tickets; the list filtered by PCI ≥ 300 shows three of them
const PCIS = [120, 310, 350, 420];

describe('Export in Chromium: a handler exports a filtered ticket list', () => {
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let firstTicket = '';

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    page = browser.page;
    const { jwt } = await apiLogin(platform, 'publisher');
    for (const [i, pci] of PCIS.entries()) {
      const created = await cmsApi<{ data: { documentId: string } }>(platform, '/api/ticketing/tickets', {
        token: jwt,
        method: 'POST',
        body: { data: { type: 'bs-fault', form: { site_name: `导出测试站${i + 1}`, gnb_id: 1000 + i, pci, band: 'n78', severity: 'minor', occurred_at: '2026-11-29 10:00' } } },
      });
      firstTicket ||= created.data.documentId;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("exports the list's filters and sort as xlsx: the progress bar, then the file with the list's rows", async () => {
    await openAs(page, platform.portalUrl, 'handler', '/tickets?type=bs-fault&sort=pci:asc&f.pci.gte=300');
    await page.locator('[data-testid=list-total]').waitFor();
    expect(await page.getByTestId('list-total').textContent()).toBe('共 3 条');

    const progress: { status: string; done: number }[] = [];
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/api/jobs/')) return;
      const body = (await response.json().catch(() => null)) as JobAnswer | null;
      if (body?.data) progress.push({ status: body.data.status, done: body.data.progress?.done ?? 0 });
    });
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-start').click();
    await page.getByTestId('job-progress').waitFor();
    await page.locator('[data-testid=job-progress][data-status=succeeded]').waitFor({ timeout: 120_000 });
    // the listener reads each answer's body asynchronously: wait for the answer that said succeeded
    for (let waited = 0; !progress.some((p) => p.status === 'succeeded') && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toEqual({ status: 'succeeded', done: 3 });
    await page.screenshot({ path: path.join(artifactsDir, 'export-done.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    const saved = path.join(artifactsDir, `export-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v))).join('|')));
    const text = cells.join('\n');
    // the three tickets of the filtered list, in its order (PCI ascending), and not the fourth
    expect(text).not.toContain('导出测试站1');
    const at = ['导出测试站2', '导出测试站3', '导出测试站4'].map((site) => text.indexOf(site));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));

    // My exports lists it with its size and link
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-exports').click();
    await page.getByTestId('export-list').getByTestId('job-status').first().waitFor();
    expect(await page.getByTestId('export-list').getByTestId('job-status').first().getAttribute('data-status')).toBe('succeeded');
    expect(await page.getByTestId('export-list').getByTestId('export-download').count()).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  });

  it('makes a ticket\'s Word report in one click and hands the .docx to the browser', async () => {
    await page.goto(`${platform.portalUrl}/tickets/${firstTicket}`);
    await page.getByTestId('ticket-card').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('word-report').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const saved = path.join(artifactsDir, `word-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    // a Word file is a zip whose central directory names its document part
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(await page.getByTestId('export-download').count()).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  });
});
