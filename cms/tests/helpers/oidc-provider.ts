import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** An IdP account: the claims the provider gives out for its subject. */
export interface IdpAccount {
  email?: string;
  preferred_username?: string;
  groups?: string[];
}

const SERVER = path.join(__dirname, '..', 'fixtures', 'oidc-provider', 'server.mjs');

/**
 * Starts a real OpenID provider (oidc-provider, fixtures/oidc-provider/server.mjs) on a free
 * 127.0.0.1 port with one confidential client. `setAccounts` rewrites what the provider knows
 * of its users; it is read at each sign-in.
 */
export async function startOidcProvider(client: { id: string; secret: string; redirectUri: string }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oidc-'));
  const accountsFile = path.join(dir, 'accounts.json');
  const setAccounts = (accounts: Record<string, IdpAccount>) => fs.writeFileSync(accountsFile, JSON.stringify(accounts));
  setAccounts({});
  const child = spawn(process.execPath, [SERVER, accountsFile, client.redirectUri, client.id, client.secret], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}: ${stderr}`)));
  });
  return {
    issuer,
    setAccounts,
    async stop() {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser's cookies for one site (the IdP), enough for its login round trip. */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    take(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  };
}

/**
 * Plays the browser at the IdP: opens `authorizationUrl`, signs `subject` in and follows the
 * redirects until the IdP sends the browser back to `redirectUri`; returns that URL.
 */
export async function signInAtIdp(authorizationUrl: string, subject: string, redirectUri: string): Promise<URL> {
  const jar = cookieJar();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`IdP answered ${res.status} at ${url}: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(redirectUri)) return next;
    // the login prompt: our stand-in for the IdP's form signs the subject in
    url = /\/interaction\/[^/]+$/.test(next.pathname) ? `${next.href}/login?sub=${encodeURIComponent(subject)}` : next.href;
  }
  throw new Error('too many redirects at the IdP');
}
