import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { siteJpeg } from '../../cms/tests/helpers/photos';
import { dropFiles, field, openAs, signIn, signOut } from './helpers/ui';

interface TicketAnswer {
  data: { documentId: string; version: number; form: Record<string, unknown> };
}
interface HistoryEntry {
  action: string;
  actor: { name: string | null };
  diff: Record<string, [unknown, unknown]>;
}
interface Manifest {
  name: string;
  short_name: string;
  display: string;
  start_url: string;
  scope: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/** Whether the page's kept answers (IndexedDB) hold all a ticket page needs for ticket `id`. */
const ticketKeptNow = (page: Page, id: string) =>
  page.evaluate(
    (ticket) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('portal-offline');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          const done = (kept: boolean) => {
            db.close();
            resolve(kept);
          };
          if (!db.objectStoreNames.contains('queries')) return done(false);
          const all = db.transaction('queries').objectStore('queries').getAll();
          all.onsuccess = () =>
            done(
              (all.result as { state: { queries: { queryKey: unknown[] }[] } }[]).some((record) => {
                const kinds = record.state.queries.map((q) => (q.queryKey[0] === 'ticket' ? `ticket:${String(q.queryKey[1])}` : q.queryKey[0]));
                return ['me', 'ticket-types', 'ticket-type-schema', 'ticket-history', `ticket:${ticket}`].every((kind) => kinds.includes(kind));
              }),
            );
          all.onerror = () => done(false);
        };
      }),
    id,
  );

/** Waits until the ticket `id` can be opened offline (its page's answers are kept on the device). */
async function ticketKept(page: Page, id: string) {
  const deadline = Date.now() + 15_000;
  while (!(await ticketKeptNow(page, id))) {
    if (Date.now() > deadline) throw new Error(`ticket ${id} was not kept for offline use within 15 s`);
    await page.waitForTimeout(250);
  }
}

/**
 * The portal behind a proxy that plays a new deploy: after `deploy()` its service worker script
 * comes with other bytes (as a new build's precache list makes it); everything else passes as it is.
 */
async function startDeployProxy(target: string) {
  let deployed = false;
  const server = http.createServer((req, res) => {
    const newScript = deployed && req.url === '/sw.js';
    const headers = { ...req.headers };
    // the new script is not the one the browser holds (no 304), and is appended to as plain text
    if (newScript) ['if-none-match', 'if-modified-since', 'accept-encoding'].forEach((name) => delete headers[name]);
    const upstream = http.request(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
      if (!newScript) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat([...chunks, Buffer.from('\n// the next deploy\n')]);
        res.writeHead(200, { 'content-type': 'text/javascript', 'content-length': body.length, 'cache-control': 'no-cache' });
        res.end(body);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deploy: () => (deployed = true),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The number the offline banner gives for what waits (0 when it shows none). */
const waitingCount = async (page: Page) => {
  const count = page.getByTestId('offline-count');
  return (await count.count()) ? Number(await count.getAttribute('data-count')) : 0;
};

describe('portal as an installed app: the shell offline, and work that waits for the network', () => {
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let publisher = '';
  const newTicket = async (site: string) =>
    (
      await cmsApi<TicketAnswer>(platform, '/api/ticketing/tickets', {
        token: publisher,
        method: 'POST',
        body: { data: { type: 'bs-fault', form: { site_name: site, gnb_id: 7788, pci: 245, severity: 'major', band: 'n78', occurred_at: '2026-11-30 06:40' } } },
      })
    ).data;
  const stored = async (id: string) => (await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${id}`, { token: publisher })).data;
  const history = async (id: string) =>
    (await cmsApi<{ data: HistoryEntry[] }>(platform, `/api/ticketing/tickets/${id}/history`, { token: publisher })).data.reverse();
  const photos = async (id: string) =>
    (await cmsApi<{ data: { name: string }[] }>(platform, `/api/ticketing/tickets/${id}/images`, { token: publisher })).data;

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    page = browser.page;
    publisher = (await apiLogin(platform, 'publisher')).jwt;
  });

  // a failed test must not leave the next one without a network
  afterEach(() => browser.context.setOffline(false));

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('is installable: its manifest names the app in Chinese with 192, 512 and maskable icons, and a service worker takes the page', async () => {
    await page.goto(`${platform.portalUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = (await (await fetch(`${platform.portalUrl}${href}`)).json()) as Manifest;
    expect(manifest).toMatchObject({ name: '5G 工单平台', short_name: '5G工单', display: 'standalone', start_url: '/', scope: '/', theme_color: '#1677ff' });
    expect(manifest.icons.map((i) => [i.sizes, i.purpose])).toEqual([
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]);
    for (const icon of manifest.icons) {
      const png = Buffer.from(await (await fetch(`${platform.portalUrl}${icon.src}`)).arrayBuffer());
      // a PNG's IHDR holds its width and height
      expect([png.readUInt32BE(16), png.readUInt32BE(20)].join('x')).toBe(icon.sizes);
    }
    expect(await page.locator('meta[name=theme-color]').getAttribute('content')).toBe('#1677ff');

    // the worker installs (the shell precached) and, from the next load on, serves the page
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
    await page.reload();
    await page.getByTestId('login-submit').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${platform.portalUrl}/sw.js`);

    // without a network the shell still opens: the login page renders
    await browser.context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('login-submit').waitFor();
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('offline, opens a ticket seen before, queues an edit, a photo and an edit across reloads and a new page, and sends each once, in order', async () => {
    const ticket = await newTicket('浦东张江基站01');
    const path = `/tickets/${ticket.documentId}`;
    await openAs(page, platform.portalUrl, 'publisher', path);
    await field(page, 'site_name').waitFor();
    await ticketKept(page, ticket.documentId);

    await browser.context.setOffline(true);
    await page.reload();
    // the ticket as kept on the device, with the banner saying so
    await page.getByTestId('offline-notice').waitFor();
    expect(await field(page, 'site_name').inputValue()).toBe('浦东张江基站01');

    await field(page, 'site_name').fill('浦东张江基站01-离线');
    await page.getByTestId('save-ticket').click();
    await page.getByText('已保存在本机，联网后发送').first().waitFor();
    expect(await waitingCount(page)).toBe(1);
    await dropFiles(page, page.getByTestId('photo-dropzone').locator('.ant-upload-btn'), [
      { name: 'mast.jpg', type: 'image/jpeg', bytes: await siteJpeg() },
    ]);
    await page.getByText('mast.jpg 已保存在本机，联网后上传').waitFor();
    expect(await waitingCount(page)).toBe(2);
    await field(page, 'pci').fill('246');
    await page.getByTestId('save-ticket').click();
    await page.locator('[data-testid=offline-count][data-count="3"]').waitFor();
    expect(await page.getByTestId('offline-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.kind))).toEqual([
      'update',
      'photo',
      'update',
    ]);

    // a reload (the app closed and opened again) keeps all three, and the form shows the latest values
    await page.reload();
    await page.locator('[data-testid=offline-count][data-count="3"]').waitFor();
    expect(await field(page, 'site_name').inputValue()).toBe('浦东张江基站01-离线');
    expect(await field(page, 'pci').inputValue()).toBe('246');
    // so does a new page in the same browser, the first one closed
    await page.close();
    page = await browser.context.newPage();
    await page.goto(`${platform.portalUrl}${path}`);
    await page.locator('[data-testid=offline-count][data-count="3"]').waitFor();
    expect((await stored(ticket.documentId)).version).toBe(ticket.version);

    await browser.context.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 20_000 });
    const after = await stored(ticket.documentId);
    expect(after.form).toMatchObject({ site_name: '浦东张江基站01-离线', pci: 246 });
    expect(after.version).toBe(ticket.version + 2);
    expect((await photos(ticket.documentId)).map((p) => p.name)).toEqual(['mast.jpg']);
    const changes = (await history(ticket.documentId)).filter((e) => e.action !== 'create');
    expect(changes.map((e) => [e.action, Object.keys(e.diff).sort().join(',')])).toEqual([
      ['update', 'site_name'],
      ['photo_upload', 'photos'],
      ['update', 'pci'],
    ]);
    // the page follows the server once everything arrived
    await page.getByTestId('photo-card').first().waitFor();
    expect(await field(page, 'pci').inputValue()).toBe('246');
  });

  it('keeps what was typed and not yet saved when the app is closed offline, and brings it back on the ticket', async () => {
    const ticket = await newTicket('闵行基站07');
    const path = `/tickets/${ticket.documentId}`;
    await openAs(page, platform.portalUrl, 'publisher', path);
    await field(page, 'site_name').waitFor();
    await ticketKept(page, ticket.documentId);

    await browser.context.setOffline(true);
    await field(page, 'description').fill('塔上测得驻波比 1.8，未保存');
    // the app closed without saving: a new page of the same browser, still offline
    await page.close();
    page = await browser.context.newPage();
    await page.goto(`${platform.portalUrl}${path}`);
    await page.getByTestId('draft-restored').waitFor();
    expect(await field(page, 'description').inputValue()).toBe('塔上测得驻波比 1.8，未保存');
    expect((await stored(ticket.documentId)).form.description).toBeUndefined();

    await browser.context.setOffline(false);
    await page.getByTestId('save-ticket').click();
    await page.getByTestId('draft-restored').waitFor({ state: 'hidden' });
    expect((await stored(ticket.documentId)).form.description).toBe('塔上测得驻波比 1.8，未保存');
  });

  it('brings a change made on the server while the device was offline back as the 409 dialog, and overwrites nothing', async () => {
    const ticket = await newTicket('闵行莘庄基站07');
    const path = `/tickets/${ticket.documentId}`;
    await openAs(page, platform.portalUrl, 'publisher', path);
    await field(page, 'site_name').waitFor();
    await ticketKept(page, ticket.documentId);

    await browser.context.setOffline(true);
    await field(page, 'site_name').fill('闵行莘庄基站07-现场');
    await page.getByTestId('save-ticket').click();
    await page.locator('[data-testid=offline-count][data-count="1"]').waitFor();
    // meanwhile someone changes the same field on the server
    await cmsApi(platform, `/api/ticketing/tickets/${ticket.documentId}`, {
      token: publisher,
      method: 'PUT',
      body: { data: { version: ticket.version, form: { ...ticket.form, site_name: '闵行莘庄基站07-机房' } } },
    });

    await browser.context.setOffline(false);
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor({ timeout: 20_000 });
    // when opened · on the server now · mine
    expect((await dialog.locator('tbody tr', { hasText: '站点名称' }).locator('td').allInnerTexts()).slice(1)).toEqual([
      '闵行莘庄基站07',
      '闵行莘庄基站07-机房',
      '闵行莘庄基站07-现场',
    ]);
    await page.locator('[data-testid=offline-item][data-state=conflict]').waitFor();
    expect((await stored(ticket.documentId)).form.site_name).toBe('闵行莘庄基站07-机房');

    await page.getByTestId('conflict-reload').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
    await page.waitForFunction(() => (document.querySelector('#root_site_name') as HTMLInputElement | null)?.value === '闵行莘庄基站07-机房');
    const after = await stored(ticket.documentId);
    expect(after.form.site_name).toBe('闵行莘庄基站07-机房');
    expect(after.version).toBe(ticket.version + 1);
  });

  it('keeps the queue through a lost session: another login never sends it, the same user signing in again does', async () => {
    const ticket = await newTicket('徐汇漕河泾基站03');
    const path = `/tickets/${ticket.documentId}`;
    await openAs(page, platform.portalUrl, 'publisher', path);
    await field(page, 'site_name').waitFor();
    await ticketKept(page, ticket.documentId);

    await browser.context.setOffline(true);
    await field(page, 'pci').fill('301');
    await page.getByTestId('save-ticket').click();
    await page.locator('[data-testid=offline-count][data-count="1"]').waitFor();
    // meanwhile the login is revoked (as signing out on another device would): no refresh can bring it back
    const tokens = await page.evaluate(() => JSON.parse(window.localStorage.getItem('portal.tokens') ?? 'null'));
    await cmsApi(platform, '/api/auth/logout', { token: tokens.jwt, method: 'POST', body: { deviceId: tokens.deviceId } });

    await browser.context.setOffline(false);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: 20_000 });
    await page.getByTestId('session-expired').waitFor();
    expect((await stored(ticket.documentId)).version).toBe(ticket.version);

    // another user on this browser: the queue is not theirs, it neither shows nor goes
    await signIn(page, 'admin');
    await page.getByTestId('current-role').waitFor();
    await page.goto(`${platform.portalUrl}${path}`);
    await field(page, 'site_name').waitFor();
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
    expect((await stored(ticket.documentId)).version).toBe(ticket.version);
    await signOut(page);

    await signIn(page, 'publisher');
    await page.getByTestId('current-role').waitFor();
    const deadline = Date.now() + 20_000;
    while ((await stored(ticket.documentId)).version === ticket.version && Date.now() < deadline) await page.waitForTimeout(250);
    const after = await stored(ticket.documentId);
    expect(after.form.pci).toBe(301);
    expect(after.version).toBe(ticket.version + 1);
    // sent by the user who made it, once
    const updates = (await history(ticket.documentId)).filter((e) => e.action === 'update');
    expect(updates.map((e) => [e.actor.name, Object.keys(e.diff).join(',')])).toEqual([['publisher', 'pci']]);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
  });

  it('takes a new deploy when the user asks: the new worker waits, the banner offers it, the reload activates it', async () => {
    const proxy = await startDeployProxy(platform.portalUrl);
    try {
      await openAs(page, proxy.url, 'publisher', '/tickets');
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
      // the page in use is served by the worker of the running deploy
      await page.reload();
      await page.getByTestId('current-role').waitFor();
      expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

      proxy.deploy();
      // the portal checks hourly; here the check is made at once
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.getByTestId('update-ready').waitFor({ timeout: 20_000 });
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);

      await Promise.all([page.waitForEvent('load'), page.getByTestId('update-ready').getByRole('button').click()]);
      await page.getByTestId('current-role').waitFor();
      const worker = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: !!registration?.waiting, controlled: !!navigator.serviceWorker.controller };
      });
      expect(worker).toEqual({ waiting: false, controlled: true });
      expect(await page.getByTestId('update-ready').count()).toBe(0);
    } finally {
      await proxy.stop();
    }
  });

  it('raised no uncaught error in any page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
