import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { bsFaultForm } from '../../cms/tests/helpers/tickets';
import { artifactsDir, launchBrowser } from './helpers/browser';
import { apiLogin, cmsApi, startPlatform, type Platform } from './helpers/platform';
import { choose, field, openAs, signIn } from './helpers/ui';

interface TicketAnswer {
  data: { documentId: string; status: string; version: number; form: Record<string, unknown> };
}
interface PhotoAnswer {
  data: {
    id: string;
    name: string;
    mime: string;
    width: number;
    height: number;
    size: number;
    url: string;
    gps: { latitude: number; longitude: number } | null;
  }[];
}

// the phone stands at HERE; the tickets lie around it
const HERE = { longitude: 121.47, latitude: 31.23 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

/** Whether the page is no wider than the screen (nothing scrolls sideways). */
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Opens `path` on the phone signed in as `role`: the phone header has no visible role tag, so it waits for the header. */
async function openOnPhone(page: Page, base: string, role: string, path: string) {
  await page.goto(base + path);
  await page.locator('#identifier, [data-testid=phone-header]').first().waitFor();
  if (await page.locator('#identifier').isVisible()) await signIn(page, role);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  await page.getByTestId('phone-header').waitFor();
}

/** Signs out through the phone menu. */
async function signOutOnPhone(page: Page) {
  await page.getByTestId('phone-menu').click();
  await page.getByTestId('phone-menu-drawer').getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** A 4000 × 3000 camera JPEG stored sideways: EXIF orientation 6 (turn 90° clockwise to view), red on its top half, with a GPS position. */
async function sidewaysCameraJpeg(): Promise<Buffer> {
  const red = await sharp({ create: { width: 4000, height: 1500, channels: 3, background: '#d02020' } })
    .png()
    .toBuffer();
  return (
    sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#2040d0' } })
      .composite([{ input: red, top: 0, left: 0 }])
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      // where the camera stood (Shanghai), as a phone's camera writes it
      .withExifMerge({
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 13/1 4800/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 1200/100' },
      })
      .toBuffer()
  );
}

/**
 * The portal on a phone (issue 21): a 390 × 844 touch screen in Chromium. The header is a menu,
 * the list is cards with the filters in a drawer, the ticket page has its buttons in a bar at
 * the bottom, the camera is one tap away and photos leave the phone small and upright, "near
 * me" sorts by distance — and at 360 px no page scrolls sideways. The desktop keeps its table.
 */
describe('the portal on a phone', () => {
  let platform: Platform;
  let phone: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let publisherToken = '';
  const ids: Record<string, string> = {};

  const createTicket = async (name: string, form: Record<string, unknown>) => {
    const res = await cmsApi<TicketAnswer>(platform, '/api/ticketing/tickets', {
      token: publisherToken,
      method: 'POST',
      body: { data: { type: 'bs-fault', form: bsFaultForm(form) } },
    });
    ids[name] = res.data.documentId;
    return res.data;
  };
  const move = async (name: string, to: string) => {
    const now = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ids[name]}`, { token: publisherToken });
    await cmsApi(platform, `/api/ticketing/tickets/${ids[name]}/transition`, {
      token: publisherToken,
      method: 'POST',
      body: { data: { to, version: now.data.version } },
    });
  };

  beforeAll(async () => {
    platform = await startPlatform();
    publisherToken = (await apiLogin(platform, 'publisher')).jwt;
    await createTicket('here', { site_name: '现场基站', longitude: HERE.longitude, latitude: HERE.latitude });
    await createTicket('oneKm', { site_name: '一公里站', longitude: 121.48, latitude: 31.23 });
    await createTicket('fourKm', { site_name: '四公里站', longitude: 121.5, latitude: 31.25 });
    await createTicket('nowhere', { site_name: '无坐标站', longitude: undefined, latitude: undefined });
    // 200 m away but closed: not work near me any more
    await createTicket('closed', { site_name: '已关闭站', longitude: 121.472, latitude: 31.23 });
    for (const to of ['submitted', 'in_progress', 'resolved', 'closed']) await move('closed', to);
    await move('fourKm', 'submitted');
    phone = await launchBrowser({ ...PHONE, permissions: ['geolocation'], geolocation: { ...HERE, accuracy: 15 } });
    page = phone.page;
  });

  afterAll(async () => {
    await phone?.close();
    await platform?.stop();
  });

  it('shows the login page without sideways scrolling at 360 px', async () => {
    await page.setViewportSize({ width: 360, height: 844 });
    await page.goto(`${platform.portalUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await page.setViewportSize(PHONE.viewport);
  });

  it('lists tickets as cards, filters them in a drawer, and fits 360 px', async () => {
    await openOnPhone(page, platform.portalUrl, 'handler', '/tickets');
    const cards = page.getByTestId('ticket-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(5);
    expect(await page.getByTestId('ticket-table').count()).toBe(0);
    // a card: site, type, status, time — and a touch target
    const first = cards.first();
    expect(await first.getByTestId('ticket-card-site').textContent()).toBe('已关闭站');
    expect(await first.getByTestId('status-tag').getAttribute('data-status')).toBe('closed');
    expect(await first.textContent()).toMatch(/基站故障|bs-fault/);
    expect(await first.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect((await first.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    await page.getByTestId('open-filters').click();
    const drawer = page.getByTestId('filter-drawer');
    await drawer.waitFor();
    await choose(page, drawer.getByTestId('filter-status'), '已提交');
    await page.waitForURL((url) => url.searchParams.get('status') === 'submitted');
    await page.locator('.ant-drawer-close').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=ticket-card]').length === 1);
    expect(await cards.first().getByTestId('ticket-card-site').textContent()).toBe('四公里站');

    await page.setViewportSize({ width: 360, height: 844 });
    await page.goto(`${platform.portalUrl}/tickets`);
    await cards.nth(4).waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, 'phone-list.png') });
    await page.setViewportSize(PHONE.viewport);
  });

  it('folds the header into a menu that switches the language and signs out; the bell stays in the header', async () => {
    await openOnPhone(page, platform.portalUrl, 'handler', '/tickets');
    expect(await page.getByTestId('logout').isVisible()).toBe(false);
    expect(await page.getByTestId('phone-header').getByTestId('bell').isVisible()).toBe(true);
    const menuButton = page.getByTestId('phone-menu');
    const box = (await menuButton.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await menuButton.click();
    const menu = page.getByTestId('phone-menu-drawer');
    await menu.getByTestId('current-role').waitFor();
    expect(await menu.getByTestId('current-role').textContent()).toBe('处理人');
    await menu.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'Tickets' }).waitFor();
    expect(await menu.getByTestId('current-role').textContent()).toBe('Handler');
    // the menu's links open their pages
    await menu.getByTestId('nav-my-tickets').click();
    await page.waitForURL((url) => url.pathname === '/my-tickets');
    await page.getByTestId('my-tickets').waitFor();
    await menuButton.click();
    await menu.getByTestId('language-switch').click();
    await menu.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-submit').waitFor();
  });

  it('stacks the ticket page with save and the state moves in a bar fixed at the bottom, which saves', async () => {
    await openOnPhone(page, platform.portalUrl, 'handler', `/tickets/${ids.fourKm}`);
    const bar = page.getByTestId('phone-action-bar');
    await bar.waitFor();
    expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    const barBox = (await bar.boundingBox())!;
    expect(Math.round(barBox.y + barBox.height)).toBe(844);
    expect(await bar.getByTestId('move-in_progress').isVisible()).toBe(true);
    const save = bar.getByTestId('save-ticket');
    expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // form first, then history, one column
    const formBox = (await page.getByTestId('ticket-card').boundingBox())!;
    expect(formBox.width).toBeLessThanOrEqual(390);
    await field(page, 'site_name').fill('四公里站（已到场）');
    // the edit stays (the form keeps what is typed while the bar's buttons change with it)
    await bar.getByTestId('move-in_progress').and(page.locator('[disabled]')).waitFor();
    expect(await field(page, 'site_name').inputValue()).toBe('四公里站（已到场）');
    await save.click();
    // version 2 was its submit; the save makes 3
    await page.getByTestId('ticket-version').filter({ hasText: '版本 3' }).waitFor();
    const stored = await cmsApi<TicketAnswer>(platform, `/api/ticketing/tickets/${ids.fourKm}`, { token: publisherToken });
    expect(stored.data.version).toBe(3);
    expect(stored.data.form.site_name).toBe('四公里站（已到场）');
    // the assignment actions are in the bar too: the handler claims the ticket there
    const claim = bar.getByTestId('claim-ticket');
    expect((await claim.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await claim.click();
    await bar.locator('[data-testid=assignee][data-assignee=handler]').waitFor();
    const claimed = await cmsApi<TicketAnswer & { data: { assignee: { username: string } | null } }>(
      platform,
      `/api/ticketing/tickets/${ids.fourKm}`,
      {
        token: publisherToken,
      },
    );
    expect(claimed.data.assignee?.username).toBe('handler');

    await page.setViewportSize({ width: 360, height: 844 });
    await page.reload();
    await page.getByTestId('phone-action-bar').waitFor();
    await page.getByTestId('history-panel').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, 'phone-ticket.png') });
    await page.setViewportSize(PHONE.viewport);
  });

  it('opens the rear camera for a handler at the site and uploads each photo at most 2048 px on its long side, upright', async () => {
    await signOutOnPhone(page);
    await openOnPhone(page, platform.portalUrl, 'handler', `/tickets/${ids.here}`);
    const camera = page.locator('[data-testid=camera-upload] input[type=file]');
    await camera.waitFor({ state: 'attached' });
    expect(await camera.getAttribute('accept')).toBe('image/*');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('multiple')).not.toBeNull();
    expect((await page.getByTestId('take-photo').boundingBox())!.height).toBeGreaterThanOrEqual(44);

    const original = await sidewaysCameraJpeg();
    const meta = await sharp(original).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([4000, 3000, 6]);
    await camera.setInputFiles([{ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: original }]);
    await page.getByTestId('photo-card').first().waitFor();
    const photos = await cmsApi<PhotoAnswer>(platform, `/api/ticketing/tickets/${ids.here}/images`, { token: publisherToken });
    expect(photos.data).toHaveLength(1);
    // upright: the 4000 × 3000 sideways frame is a 3000 × 4000 portrait, scaled to 1536 × 2048
    expect([photos.data[0].width, photos.data[0].height]).toEqual([1536, 2048]);
    expect(photos.data[0].mime).toBe('image/jpeg');
    // the camera's Exif went along: the server still reads where the photo was taken
    const { gps } = photos.data[0];
    expect(gps?.latitude).toBeCloseTo(31.23, 3);
    expect(gps?.longitude).toBeCloseTo(121.47, 3);
    const stored = Buffer.from(await (await fetch(photos.data[0].url)).arrayBuffer());
    const storedMeta = await sharp(stored).metadata();
    expect([storedMeta.width, storedMeta.height]).toEqual([1536, 2048]);
    expect(storedMeta.orientation ?? 1).toBe(1);
    // the red top of the sideways frame is the right half of the upright photo
    const { data, info } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const [rightR, , rightB] = pixel(1400, 1024);
    const [leftR, , leftB] = pixel(100, 1024);
    expect(rightR).toBeGreaterThan(150);
    expect(rightB).toBeLessThan(100);
    expect(leftB).toBeGreaterThan(150);
    expect(leftR).toBeLessThan(100);
    expect(stored.length).toBeLessThan(original.length * 4);
  });

  it('sorts the open tickets by distance from the phone on "near me"', async () => {
    await signOutOnPhone(page);
    await openOnPhone(page, platform.portalUrl, 'handler', '/tickets');
    await page.getByTestId('list-near').click();
    await page.waitForURL((url) => url.pathname === '/tickets/near');
    // the position is granted already: the page locates at once
    await page.getByTestId('near-position').waitFor();
    const cards = page.getByTestId('ticket-card');
    await cards.nth(2).waitFor();
    const sites = await cards.getByTestId('ticket-card-site').allTextContents();
    expect(sites).toEqual(['现场基站', '一公里站', '四公里站（已到场）']);
    const metres = await page
      .getByTestId('ticket-distance')
      .evaluateAll((tags) => tags.map((tag) => Number((tag as HTMLElement).dataset.metres)));
    expect(metres[0]).toBe(0);
    expect(metres[1]).toBeGreaterThan(900);
    expect(metres[1]).toBeLessThan(1000);
    expect(metres[2]).toBeGreaterThan(3000);
    await page.screenshot({ path: path.join(artifactsDir, 'phone-near.png') });
    expect(await page.getByTestId('ticket-distance').allTextContents()).toEqual([
      '0 米',
      expect.stringMatching(/^9\d\d 米$/),
      expect.stringMatching(/^3\.\d 公里$/),
    ]);
    await cards.first().click();
    await page.waitForURL((url) => url.pathname === `/tickets/${ids.here}`);
  });

  it('fits 360 px on my tickets, near me and my exports', async () => {
    await page.setViewportSize({ width: 360, height: 844 });
    for (const [path, ready] of [
      ['/my-tickets', 'my-tickets'],
      ['/tickets/near', 'ticket-card'],
      ['/exports', 'phone-header'],
    ]) {
      await openOnPhone(page, platform.portalUrl, 'handler', path);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect([path, await noSideScroll(page)]).toEqual([path, true]);
    }
    await signOutOnPhone(page);
    await openOnPhone(page, platform.portalUrl, 'publisher', '/imports');
    await page.waitForLoadState('networkidle');
    expect(await noSideScroll(page)).toBe(true);
    expect(phone.pageErrors).toEqual([]);
  });

  it('keeps the table and the header row on a 1280 px desktop', async () => {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      await openAs(desktop.page, platform.portalUrl, 'handler', '/tickets');
      await desktop.page.getByTestId('ticket-table').locator('[data-testid=ticket-link]').first().waitFor();
      expect(await desktop.page.getByTestId('ticket-cards').count()).toBe(0);
      expect(await desktop.page.getByTestId('phone-header').count()).toBe(0);
      expect(await desktop.page.getByTestId('logout').isVisible()).toBe(true);
      expect(await desktop.page.getByTestId('open-filters').count()).toBe(0);
      // this browser was given no permission to the position: "near me" says so, and lists nothing
      await desktop.page.goto(`${platform.portalUrl}/tickets/near`);
      await desktop.page.getByTestId('near-locate').click();
      await desktop.page.getByTestId('near-denied').waitFor();
      expect(await desktop.page.getByTestId('ticket-card').count()).toBe(0);
    } finally {
      await desktop.close();
    }
  });
});
