import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { queryClient } from '../../services/query-client';
import { renderWithProviders } from '../../test/render';
import LoginPage from '.';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const label = { 'zh-CN': '使用 SSO 登录', en: 'Sign in with SSO' };

/** Answers the portal's calls: the SSO config and the hand-over, recording what was posted. */
function serve(config: unknown, handover?: { status: number; body: unknown }) {
  const posted: unknown[] = [];
  vi.spyOn(window, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/auth/sso/config') return config instanceof Error ? Promise.reject(config) : json(config);
    if (url === '/api/auth/sso/token' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return json(handover?.body ?? {}, handover?.status ?? 500);
    }
    return json({ error: { message: `unexpected ${url}` } }, 404);
  });
  return posted;
}

function renderLogin(url: string) {
  return renderWithProviders(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/tickets" element={<p>tickets page</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => queryClient.clear());

describe('the login page with single sign-on', () => {
  it('offers the SSO button with the label of the language, going to the IdP with the remembered page', async () => {
    serve({ enabled: true, label, localLogin: true });
    renderLogin('/login?redirect=%2Ftickets%3Ftype%3Dbs-fault');
    const button = await screen.findByTestId('sso-login');
    expect(button.textContent).toBe('使用 SSO 登录');
    expect(button.getAttribute('href')).toBe('/api/auth/sso/login?redirect=%2Ftickets%3Ftype%3Dbs-fault');
    // the password form stays beside it
    expect(screen.getByTestId('login-submit')).toBeTruthy();
  });

  it('shows no SSO button when the CMS has none configured', async () => {
    serve({ enabled: false, label: null, localLogin: true });
    renderLogin('/login');
    await waitFor(() => expect(queryClient.getQueryData(['sso-config'])).toEqual({ enabled: false, label: null, localLogin: true }));
    expect(screen.queryByTestId('sso-login')).toBeNull();
    expect(screen.getByTestId('login-submit')).toBeTruthy();
  });

  it('keeps the password form alone when the config cannot be fetched', async () => {
    serve(new TypeError('Failed to fetch'));
    renderLogin('/login');
    await waitFor(() => expect(queryClient.getQueryData(['sso-config'])).toMatchObject({ enabled: false }));
    expect(screen.queryByTestId('sso-login')).toBeNull();
    expect(screen.getByTestId('login-submit')).toBeTruthy();
  });

  it('leaves out the password form when local login is turned off', async () => {
    serve({ enabled: true, label, localLogin: false });
    renderLogin('/login');
    await screen.findByTestId('sso-login');
    expect(screen.queryByTestId('login-submit')).toBeNull();
  });

  it('trades the one-time code for the tokens once, keeps them and lands on the remembered page', async () => {
    const tokens = { jwt: 'a.b.c', refreshToken: 'r.e.f', deviceId: 'dev-1', user: { id: 7, username: 'alice', email: 'a@x' } };
    const posted = serve({ enabled: true, label, localLogin: true }, { status: 200, body: { ...tokens, redirect: '/tickets' } });
    renderLogin('/login?ssoCode=one-time-code');
    expect(await screen.findByText('tickets page')).toBeTruthy();
    expect(posted).toEqual([{ code: 'one-time-code' }]);
    expect(JSON.parse(window.localStorage.getItem('portal.tokens') as string)).toEqual({
      jwt: 'a.b.c',
      refreshToken: 'r.e.f',
      deviceId: 'dev-1',
    });
  });

  it('says so when the code was refused, and offers signing in again', async () => {
    serve({ enabled: true, label, localLogin: true }, { status: 401, body: { error: { status: 401, message: 'used' } } });
    renderLogin('/login?ssoCode=used-code');
    expect((await screen.findByTestId('sso-error')).textContent).toContain('登录凭据已过期或已使用');
    expect(await screen.findByTestId('sso-login')).toBeTruthy();
    expect(window.localStorage.getItem('portal.tokens')).toBeNull();
  });

  it("shows why the callback refused the sign-in (a blocked user's error code)", async () => {
    serve({ enabled: true, label, localLogin: true });
    renderLogin('/login?ssoError=blocked');
    expect((await screen.findByTestId('sso-error')).textContent).toContain('账号已被管理员停用');
  });
});
