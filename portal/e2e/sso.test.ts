import path from 'node:path';
import type { Page } from 'playwright-core';
import { startOidcProvider } from '../../cms/tests/helpers/oidc-provider';
import { launchBrowser } from './helpers/browser';
import { startPlatform, type Platform } from './helpers/platform';
import { startRelay } from './helpers/relay';

describe('Single sign-on in Chromium: from the login page through a real OpenID provider and back', () => {
  let front: Awaited<ReturnType<typeof startRelay>>;
  let idp: Awaited<ReturnType<typeof startOidcProvider>>;
  let platform: Platform;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    // the IdP must know the callback before the CMS starts, the portal's port only comes after:
    // the browser uses a relay whose port is known first, pointed at the portal once it is up
    front = await startRelay(1);
    base = `http://127.0.0.1:${front.port}`;
    const callback = `${base}/api/auth/sso/callback`;
    idp = await startOidcProvider({ id: 'ticketing', secret: 'e2e-client-secret', redirectUri: callback });
    idp.setAccounts({ 'sso-handler': { email: 'sso.handler@example.test', preferred_username: 'sso-handler', groups: ['noc-handlers'] } });
    platform = await startPlatform({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'ticketing',
      OIDC_CLIENT_SECRET: 'e2e-client-secret',
      OIDC_REDIRECT_URI: callback,
      PORTAL_URL: base,
      SSO_CONFIG: path.resolve(__dirname, '..', '..', 'config', 'sso.yaml'),
    });
    front.setTarget(Number(new URL(platform.portalUrl).port));
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await idp?.stop();
    await front?.stop();
  });

  it('signs a handler in at the IdP and lands on the remembered page holding our own tokens, none in a URL', async () => {
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    await page.goto(`${base}/tickets`);
    await page.waitForURL((url) => url.pathname === '/login');
    const button = page.getByTestId('sso-login');
    await button.waitFor();
    expect(await button.textContent()).toContain('使用 SSO 登录');
    await button.click();
    await page.waitForURL((url) => url.origin === idp.issuer && url.pathname.startsWith('/interaction/'));
    // the IdP's login form, as the test provider offers it
    await page.goto(`${page.url()}/login?sub=sso-handler`);
    await page.waitForURL((url) => url.origin === base && url.pathname === '/tickets');

    const tokens = JSON.parse((await page.evaluate(() => window.localStorage.getItem('portal.tokens'))) as string);
    const me = await fetch(`${platform.cmsUrl()}/api/ticketing/me`, { headers: { authorization: `Bearer ${tokens.jwt}` } });
    expect((await me.json()).data).toMatchObject({ username: 'sso-handler', role: 'handler' });
    for (const url of visited) {
      expect(url).not.toContain(tokens.jwt);
      expect(url).not.toContain(tokens.refreshToken);
    }
    expect(visited.some((url) => url.includes('ssoCode='))).toBe(true);
    expect(browser.pageErrors).toEqual([]);
  });
});
