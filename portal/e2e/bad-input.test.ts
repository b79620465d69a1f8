import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { siteJpeg } from '../../cms/tests/helpers/photos';
import { choose, dropFiles, field, openAs, photoNames, signIn, signOut } from './helpers/ui';

interface TicketAnswer {
  data: { documentId: string; version: number; form: Record<string, unknown> };
}

// access tokens live 70 s here, so the portal's one-minute refresh margin is reached in 10 s
const ACCESS_TTL_SECONDS = 70;

describe('portal in Chromium when things go wrong: token expiry, a lost session, a slow network, the server down', () => {
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let ticketId = '';
  let ticketPath = '';
  const storedTicket = async () => {
    const token = (await apiLogin(platform, 'viewer')).jwt;
    return (await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ticketId}`, { token })).data;
  };
  const tokensInBrowser = () => page.evaluate(() => JSON.parse(window.localStorage.getItem('portal.tokens') ?? 'null'));

  beforeAll(async () => {
    platform = await startPlatform({ ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS) });
    browser = await launchBrowser();
    page = browser.page;
    const publisher = (await apiLogin(platform, 'publisher')).jwt;
    const created = await cmsApi<TicketAnswer>(platform, '/api/ticketing/tickets', {
      token: publisher,
      method: 'POST',
      body: {
        data: {
          type: 'bs-fault',
          form: { site_name: '闵行莘庄基站07', gnb_id: 7788, pci: 245, severity: 'major', occurred_at: '2026-11-30 06:40' },
        },
      },
    });
    ticketId = created.data.documentId;
    ticketPath = `/tickets/${ticketId}`;
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('refreshes the access token before it expires, once for all the calls of a page, and the page simply loads', async () => {
    await openAs(page, platform.portalUrl, 'publisher', ticketPath);
    await page.getByTestId('history-entry').first().waitFor();
    const before = await tokensInBrowser();
    await page.waitForTimeout((ACCESS_TTL_SECONDS - 60 + 2) * 1000);
    const refreshes: string[] = [];
    const api: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname === '/api/auth/refresh') refreshes.push(pathname);
      else if (pathname.startsWith('/api/')) api.push(pathname);
    });
    await page.reload();
    await page.getByTestId('history-entry').first().waitFor();
    await page.getByTestId('photo-panel').waitFor();
    expect(refreshes).toHaveLength(1);
    expect(api.length).toBeGreaterThanOrEqual(5); // me, ticket, types, schema, photos, history: all on the new token
    const after = await tokensInBrowser();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.jwt).not.toBe(before.jwt);
    expect(after.deviceId).toBe(before.deviceId);
    page.removeAllListeners('request');
  });

  it('keeps what was typed through a lost session, and brings it back after signing in again', async () => {
    await field(page, 'description').fill('会话过期前填写的内容');
    await field(page, 'pci').fill('246');
    // the login is revoked elsewhere (as logging out on another device would) while the form is open
    const tokens = await tokensInBrowser();
    await cmsApi(platform, '/api/auth/logout', { token: tokens.jwt, method: 'POST', body: { deviceId: tokens.deviceId } });

    await page.getByTestId('save-ticket').click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe(ticketPath);
    await page.getByTestId('session-expired').waitFor();
    expect((await storedTicket()).form.description).toBeUndefined();

    await signIn(page, 'publisher');
    await page.waitForURL((url) => url.pathname === ticketPath);
    await page.getByTestId('draft-restored').waitFor();
    expect(await field(page, 'description').inputValue()).toBe('会话过期前填写的内容');
    expect(await field(page, 'pci').inputValue()).toBe('246');
    await page.getByTestId('save-ticket').click();
    await page.getByTestId('draft-restored').waitFor({ state: 'hidden' });
    expect((await storedTicket()).form).toMatchObject({ description: '会话过期前填写的内容', pci: 246 });
  });

  it('shows the save as loading on a slow network and sends it once, however often it is asked for', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 1500, downloadThroughput: -1, uploadThroughput: -1 });
    const puts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && new URL(request.url()).pathname === `/api/ticketing/tickets/${ticketId}`) puts.push(request.url());
    });
    const version = (await storedTicket()).version;
    await field(page, 'description').fill('慢网络下保存');
    const save = page.getByTestId('save-ticket');
    await save.click();
    await page.locator('[data-testid=save-ticket].ant-btn-loading').waitFor();
    expect(await save.isDisabled()).toBe(true);
    // Enter in a field submits the form too: the pending save must swallow it
    await field(page, 'site_name').press('Enter');
    await field(page, 'site_name').press('Enter');
    await page.locator('[data-testid=save-ticket]:not(.ant-btn-loading)').waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    page.removeAllListeners('request');
    expect(puts).toHaveLength(1);
    const stored = await storedTicket();
    expect(stored.version).toBe(version + 1);
    expect(stored.form.description).toBe('慢网络下保存');
  });

  it("shows each photo's own upload progress on a slow link", async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // about 100 kB/s up: a photo of a few hundred kB takes seconds
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 100,
      downloadThroughput: -1,
      uploadThroughput: 100 * 1024,
    });
    const photo = await siteJpeg(1200, 800);
    await dropFiles(page, page.getByTestId('photo-dropzone').locator('.ant-upload-btn'), [
      { name: 'tower-east.jpg', type: 'image/jpeg', bytes: photo },
      { name: 'tower-west.jpg', type: 'image/jpeg', bytes: photo },
    ]);
    // both files in flight at once, each with its own bar, part-way through
    await page.locator('.ant-upload-list-item-uploading').nth(1).waitFor();
    const partWay = await page.waitForFunction(() => {
      const bars = [...document.querySelectorAll('.ant-upload-list-item-uploading [role=progressbar]')];
      const values = bars.map((bar) => Number(bar.getAttribute('aria-valuenow')));
      return values.length === 2 && values.some((v) => v > 0 && v < 100) ? values : null;
    });
    expect(await partWay.jsonValue()).toHaveLength(2);
    await page.locator('.ant-upload-list-item-done').nth(1).waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    await page.getByTestId('photo-card').nth(1).waitFor();
    expect(((await photoNames(page)) as string[]).sort()).toEqual(['tower-east.jpg', 'tower-west.jpg']);
  });

  it('says clearly when the server is down, and the retry brings the page back once it is up', async () => {
    await page.goto(`${platform.portalUrl}/tickets`);
    await page.getByTestId('ticket-link').first().waitFor();
    await platform.stopCms();

    await choose(page, page.getByTestId('filter-status'), '草稿');
    const banner = page.getByTestId('server-down');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('无法连接服务器');
    await page.getByTestId('list-error').waitFor();
    // a retry while it is still down keeps the banner
    await banner.getByRole('button').click();
    await page.waitForTimeout(500);
    expect(await banner.isVisible()).toBe(true);

    await platform.startCms();
    await banner.getByRole('button').click();
    await banner.waitFor({ state: 'hidden' });
    await page.getByTestId('ticket-link').first().waitFor();
    expect(await page.getByTestId('ticket-link').allTextContents()).toEqual([ticketId.slice(0, 8)]);
    expect(new URL(page.url()).searchParams.get('status')).toBe('draft');
  });

  it('says so when signing in finds the server down, and signs in once it is back', async () => {
    await signOut(page);
    await platform.stopCms();
    await signIn(page, 'publisher');
    const banner = page.getByTestId('server-down');
    await banner.waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => window.localStorage.getItem('portal.tokens'))).toBeNull();

    await platform.startCms();
    await banner.getByRole('button').click();
    await banner.waitFor({ state: 'hidden' });
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    await page.getByTestId('ticket-link').first().waitFor();
  });

  it('raised no uncaught error in any page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
