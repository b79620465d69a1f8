import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { freePort } from './strapi-process';
import { waitFor } from './jobs';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** The load balancer's config, shared with docker-compose.yml's `cms-lb` service. */
export const CMS_LB_TEMPLATE = path.join(repoRoot, 'deploy', 'nginx', 'cms.conf.template');
const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/**
 * `${NAME}` replaced by `values[NAME]`, as the nginx image's envsubst does with the variables it
 * is given; nginx's own `$variables` stay. A placeholder without a value is an error, not a blank.
 */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for \${${name}} in the nginx template`);
    return values[name];
  });
}

/** The upstream address nginx forwarded a request to, and what it answered. */
export interface ProxiedRequest {
  upstream: string;
  status: number;
  method: string;
  uri: string;
}

export interface Nginx {
  url: string;
  /** Every request nginx has logged so far. */
  requests(): ProxiedRequest[];
  stop(): Promise<void>;
}

/**
 * Runs Debian's nginx as a foreground child of the test: the committed load-balancer template
 * with `upstreams` (`host:port`) as its servers, on a free 127.0.0.1 port, everything it writes
 * (pid, logs, temp files) in a folder of its own.
 */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'));
  const port = await freePort();
  const inDir = (name: string) => path.join(dir, name);
  fs.writeFileSync(
    inDir('cms.conf'),
    renderTemplate(fs.readFileSync(CMS_LB_TEMPLATE, 'utf8'), {
      CMS_LB_SERVERS: upstreams.map((u) => `server ${u};`).join('\n  '),
      CMS_LB_LISTEN: `127.0.0.1:${port}`,
    }),
  );
  const main = [
    // as root nginx would hand its workers to `nobody`, who cannot enter this 0700 folder
    process.getuid?.() === 0 ? 'user root root;' : '',
    'worker_processes 1;',
    `pid ${inDir('nginx.pid')};`,
    `error_log ${inDir('error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  log_format upstream '$upstream_addr $status $request_method $request_uri';`,
    `  access_log ${inDir('access.log')} upstream;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${inDir(`${kind}_temp`)};`),
    `  include ${inDir('cms.conf')};`,
    '}',
  ].join('\n');
  fs.writeFileSync(inDir('nginx.conf'), main);

  // -e: the error log before the config is read (the compiled-in path may not be writable)
  const child = spawn(NGINX, ['-p', dir, '-c', inDir('nginx.conf'), '-e', inDir('error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const errorLog = () => (fs.existsSync(inDir('error.log')) ? fs.readFileSync(inDir('error.log'), 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      'nginx to answer',
      async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${output}${errorLog()}`);
        return (await fetch(`${url}/_health`)).ok;
      },
      15_000,
    );
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }

  return {
    url,
    requests() {
      const log = fs.existsSync(inDir('access.log')) ? fs.readFileSync(inDir('access.log'), 'utf8') : '';
      return log
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [upstream, status, method, uri] = line.split(' ');
          return { upstream, status: Number(status), method, uri };
        });
    },
    async stop() {
      // SIGQUIT: graceful, requests in flight finish
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
