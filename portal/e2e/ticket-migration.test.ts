import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { choose, openAs, signOut } from './helpers/ui';
import { waitFor } from '../../cms/tests/helpers/jobs';

const TYPE_UID = 'plugin::ticketing.ticket-type';

/** Waits until `read` answers `expected` (compared as JSON); the failure says what it answered last. */
async function until(what: string, read: () => Promise<unknown>, expected: unknown, timeoutMs = 20_000) {
  let last: unknown;
  await waitFor(what, async () => JSON.stringify((last = await read())) === JSON.stringify(expected), timeoutMs, 100).catch((error: Error) => {
    throw new Error(`${error.message}; last ${JSON.stringify(last)}`);
  });
}

/** Makes nr_arfcn required on bs-fault through the Content Manager, as an admin would: version 2. */
async function requireArfcn(platform: Platform) {
  const registered = await fetch(`${platform.cmsUrl()}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'panel@example.test', password: 'Admin12345!', firstname: 'Ada', lastname: 'Admin' }),
  });
  const token = ((await registered.json()) as { data: { token: string } }).data.token;
  const cm = `/content-manager/collection-types/${TYPE_UID}`;
  const list = await cmsApi<{ results: { documentId: string; key: string }[] }>(platform, cm, { token });
  const bsFault = list.results.find((t) => t.key === 'bs-fault')!;
  const entry = await cmsApi<{ data: { fields: { key: string; required?: boolean }[] } }>(platform, `${cm}/${bsFault.documentId}`, { token });
  const fields = entry.data.fields.map((f) => (f.key === 'nr_arfcn' ? { ...f, required: true } : f));
  await cmsApi(platform, `${cm}/${bsFault.documentId}`, { token, method: 'PUT', body: { ...entry.data, fields } });
}

describe('Ticket type versions in Chromium: an admin moves bs-fault tickets to a new version', () => {
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const ticketCounts = async () => page.getByTestId('version-tickets').allTextContents();

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    page = browser.page;
    const { jwt } = await apiLogin(platform, 'publisher');
    for (const [pci, arfcn] of [[101, 627264], [102, undefined]] as const) {
      const form = { site_name: `迁移站${pci}`, gnb_id: 1, pci, severity: 'minor', occurred_at: '2026-12-01 10:00', ...(arfcn ? { nr_arfcn: arfcn } : {}) };
      await cmsApi(platform, '/api/ticketing/tickets', { token: jwt, method: 'POST', body: { data: { type: 'bs-fault', form } } });
    }
    await requireArfcn(platform);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('a handler has no link to the page, and the page answers 403', async () => {
    await openAs(page, platform.portalUrl, 'handler', '/tickets');
    expect(await page.getByTestId('nav-ticket-types').count()).toBe(0);
    await page.goto(`${platform.portalUrl}/ticket-types?type=bs-fault`);
    await page.getByTestId('forbidden').waitFor();
    await signOut(page);
  });

  it('shows the versions with their tickets, reports a dry run, then migrates with a default and the counts follow', async () => {
    await openAs(page, platform.portalUrl, 'admin', '/tickets');
    await page.getByTestId('nav-ticket-types').click();
    await choose(page, page.getByTestId('migration-type'), '5G基站故障工单 (bs-fault)');
    await page.getByTestId('versions-table').waitFor();
    await until('the versions', ticketCounts, ['2', '0']);

    await choose(page, page.getByTestId('migration-from'), 'v1（2 张工单）');
    await choose(page, page.getByTestId('migration-to'), 'v2（0 张工单）');
    expect(await page.getByTestId('migration-changes').textContent()).toContain('nr_arfcn');
    await page.getByTestId('migration-dry-run').click();
    const counts = page.getByTestId('migration-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toBe('试运行 v1 → v2：共 2 张，可迁移 1，会留在原版本 1（未写入任何数据）');
    await until('the kept ticket', () => page.getByTestId('entry-reason').allTextContents(), ['nr_arfcn 新版本必填，但为空']);
    expect(await ticketCounts()).toEqual(['2', '0']);

    await page.getByTestId('add-default').click();
    const row = page.getByTestId('default-row');
    await choose(page, row.locator('.ant-select'), '频点 (nr_arfcn)');
    await row.getByPlaceholder('值').fill('627264');
    await page.getByTestId('migration-run').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await until('the migration', () => counts.textContent(), 'v1 → v2：共 2 张，已迁移 2，留在原版本 0', 30_000);
    await until('the new counts', ticketCounts, ['0', '2']);
    await until('the report', () => page.getByTestId('entry-outcome').allTextContents(), ['已迁移', '已迁移']);
  });
});
