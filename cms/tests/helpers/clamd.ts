import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './strapi-process';

const BINARY = '/usr/sbin/clamd';

/**
 * The EICAR anti-virus test file, put together at run time: the string itself is never in the
 * repo, or scanners on developers' machines would flag this file.
 */
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');

/** The name our one signature reports (clamd adds `.UNOFFICIAL` to signatures not signed by ClamAV). */
export const EICAR_FINDING = 'Eicar-Test-Signature.UNOFFICIAL';

/** Asks clamd `zPING`; true on `PONG`. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (data) => (reply += data.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(reply.startsWith('PONG')));
  });
}

/**
 * A real clamd (Debian's clamav-daemon) of the test's own on a free 127.0.0.1 port, whose
 * signature database is written here and holds one body signature: the EICAR string, anywhere
 * in a file (so also inside an unpacked archive such as an .xlsx). Nothing is downloaded.
 */
export async function startClamd() {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clamd-'));
  fs.writeFileSync(path.join(dir, 'eicar.ndb'), `Eicar-Test-Signature:0:*:${EICAR.toString('hex')}\n`);
  const conf = path.join(dir, 'clamd.conf');
  const writeConf = (streamMaxLength: string) =>
    fs.writeFileSync(
      conf,
      [
        `DatabaseDirectory ${dir}`,
        `TCPSocket ${port}`,
        'TCPAddr 127.0.0.1',
        'Foreground true',
        `StreamMaxLength ${streamMaxLength}`,
        `PidFile ${path.join(dir, 'clamd.pid')}`,
        // a file of its own: clamd locks its log file, so two test clamds must not share one
        `LogFile ${path.join(dir, 'clamd.log')}`,
        '',
      ].join('\n'),
    );
  let child: ChildProcess | undefined;
  let output = '';

  /** Starts clamd; `streamMaxLength` is the most it scans of one stream (by default at least the largest upload the platform takes: imports, 50 MB). */
  async function start({ streamMaxLength = '100M' } = {}) {
    writeConf(streamMaxLength);
    output = '';
    const c = spawn(BINARY, ['--foreground', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    c.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    c.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!(await ping(port))) {
      if (c.exitCode !== null || c.signalCode !== null) throw new Error(`clamd exited (${c.exitCode ?? c.signalCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`clamd did not answer PING within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function stop() {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await exited;
  }

  await start();
  return {
    /** The env that points the CMS at this clamd. */
    env: { CLAMD_HOST: '127.0.0.1', CLAMD_PORT: String(port) },
    port,
    stop,
    start,
    async destroy() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
