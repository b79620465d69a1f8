import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { dropFiles, openAs } from './helpers/ui';

// a dev file of the import corpus: 故障明细, header row 2, 120 data rows — 108 valid, 12 with
// errors, 6 skipped (its truth file); column M (故障描述) feeds the optional description
const DEV_DIR = path.resolve(__dirname, '..', '..', 'plugins', 'excel-io', 'test-fixtures', 'excel-dev');
const DEV_FILE = 'dev01_bs_fault_pudong.xlsx';
const truth = JSON.parse(fs.readFileSync(path.join(DEV_DIR, 'dev01_bs_fault_pudong.truth.json'), 'utf8')) as {
  counts: { valid: number; invalid: number; skip: number };
};

interface JobAnswer {
  data: { status: string; progress: { done?: number; total?: number } | null };
}

describe('Import wizard in Chromium: a publisher imports a dev spreadsheet', () => {
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    // small batches: the job reports progress several times on a 126-row file
    platform = await startPlatform({ IMPORT_BATCH_SIZE: '20' });
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('upload → detected → one column overridden → dry run → run with progress → created tickets → error workbook', async () => {
    await openAs(page, platform.portalUrl, 'publisher', '/imports/new');
    await dropFiles(page, page.getByTestId('import-drop'), [
      { name: DEV_FILE, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: fs.readFileSync(path.join(DEV_DIR, DEV_FILE)) },
    ]);
    // the file's name and size, then what the server found
    expect(await page.getByTestId('import-file').textContent()).toMatch(/dev01_bs_fault_pudong\.xlsx（\d+(\.\d)? KB）/);
    await page.getByTestId('import-step-detect').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-sheet').textContent()).toContain('故障明细');
    expect(await page.getByTestId('import-header-row').textContent()).toBe('第 2 行');
    expect(await page.getByTestId('import-preview-rows').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);

    await page.getByTestId('import-next').click();
    await page.getByTestId('mapping-table').waitFor();
    expect(await page.getByTestId('mapping-table').locator('tbody tr.ant-table-row').count()).toBe(13);
    await expect(page.getByTestId('required-unmapped').textContent()).resolves.toBe('所有必填字段都有对应的列');
    await page.screenshot({ path: path.join(artifactsDir, 'import-mapping.png'), fullPage: true });
    // override: the description column is not imported (typed into the select's search, then picked)
    await page.getByTestId('mapping-select-M').locator('input').click();
    await page.keyboard.type('不导入');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.keyboard.press('Enter');
    const rowM = page.getByTestId('mapping-table').locator('tbody tr.ant-table-row').nth(12);
    expect(await rowM.getByTestId('mapping-source').textContent()).toBe('手动指定');

    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('report-counts').waitFor({ timeout: 120_000 });
    const counts = truth.counts;
    expect(await page.getByTestId('report-counts').textContent()).toBe(
      `共 ${counts.valid + counts.invalid + counts.skip} 行：可导入 ${counts.valid}，有错误 ${counts.invalid}，跳过 ${counts.skip}`,
    );
    // the report opens on the rejected rows, each error under its cell
    await page.getByTestId('cell-error').first().waitFor();
    const statuses = await page.getByTestId('row-status').evaluateAll((tags) => tags.map((tag) => (tag as HTMLElement).dataset.status));
    expect(new Set(statuses)).toEqual(new Set(['rejected']));
    expect(await page.getByTestId('bad-cell').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifactsDir, 'import-dry-run.png'), fullPage: true });

    // the real run: the job's page, its progress polled
    const progress: { status: string; done: number }[] = [];
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/api/jobs/')) return;
      const body = (await response.json().catch(() => null)) as JobAnswer | null;
      if (body?.data) progress.push({ status: body.data.status, done: body.data.progress?.done ?? 0 });
    });
    await page.getByTestId('import-run').click();
    await page.waitForURL((url) => /^\/imports\/[^/]+$/.test(url.pathname) && url.pathname !== '/imports/new');
    const jobPath = new URL(page.url()).pathname;
    await page.getByTestId('job-progress').waitFor();

    // the job lives on the server: leave the page, find it in "My imports", open it again
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-list').getByTestId('import-link').first().waitFor();
    expect(await page.getByTestId('import-list').getByTestId('import-link').first().textContent()).toBe(DEV_FILE);
    await page.getByTestId('import-list').getByTestId('import-link').first().click();
    await page.waitForURL((url) => url.pathname === jobPath);
    await page.locator('[data-testid=job-progress][data-status=succeeded]').waitFor({ timeout: 120_000 });
    // the listener reads each answer's body asynchronously: the page may show the end before the
    // listener has the answer that said so (on a quiet machine the job ends within a poll or two)
    for (let waited = 0; !progress.some((p) => p.status === 'succeeded') && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b)); // never backwards
    expect(dones[dones.length - 1]).toBeGreaterThan(0);
    expect(progress[progress.length - 1].status).toBe('succeeded');

    await page.getByTestId('created-tickets').waitFor();
    expect(await page.getByTestId('created-tickets').locator('.ant-card-head-title').textContent()).toBe(`本次创建的工单（${counts.valid}）`);
    const href = await page.getByTestId('created-ticket').first().getAttribute('href');
    expect(href).toMatch(/^\/tickets\/[^/]+$/);
    await page.screenshot({ path: path.join(artifactsDir, 'import-done.png'), fullPage: true });

    // the error workbook: the header row and every rejected row, with the error column
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('error-workbook').click()]);
    expect(download.suggestedFilename()).toBe('dev01_bs_fault_pudong-errors.xlsx');
    const saved = path.join(artifactsDir, download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).filter((v) => v !== undefined && v !== null).map(String);
    expect(headers).toEqual(expect.arrayContaining(['站点名称', '物理小区标识', '错误']));
    expect(sheet.actualRowCount).toBe(1 + counts.invalid);

    // a created ticket opens, without the description the override left out
    await page.getByTestId('created-ticket').first().click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByTestId('ticket-card').waitFor();
    const { jwt } = await apiLogin(platform, 'publisher');
    const ticket = await cmsApi<{ data: { form: Record<string, unknown>; type: string } }>(platform, `/api/ticketing/tickets${href!.slice('/tickets'.length)}`, {
      token: jwt,
    });
    expect(ticket.data.form.site_name).toBeTruthy();
    expect(ticket.data.form.description).toBeUndefined();

    // the ticket list filtered by this import holds exactly the created tickets
    await page.goBack();
    await page.getByTestId('created-tickets-list').click();
    await page.waitForURL((url) => url.pathname === '/tickets' && url.searchParams.has('import'));
    await page.getByTestId('import-filter').waitFor();
    await page.locator('[data-testid=list-total]').waitFor();
    expect(await page.getByTestId('list-total').textContent()).toBe(`共 ${counts.valid} 条`);
    expect(browser.pageErrors).toEqual([]);
  });

  it('shows no import to a handler (no import.run): no menu entry, and the wizard refused', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await openAs(page, platform.portalUrl, 'handler', '/imports/new');
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('nav-imports').count()).toBe(0);
    expect(await page.getByTestId('nav-exports').count()).toBe(1);
  });
});
