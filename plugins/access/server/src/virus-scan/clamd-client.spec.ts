import net from 'node:net';
import { Readable } from 'node:stream';
import { ClamdSizeLimitError, ClamdUnavailableError, parseReply, scanStream } from './clamd-client';

/**
 * A stand-in for clamd that decodes INSTREAM framing as clamd does and answers `reply(bytes)`;
 * the real clamd is driven in cms/tests/virus-scan.test.ts. This covers what it cannot be made
 * to do on demand: hang, or answer mid-stream.
 */
async function fakeClamd(reply: (received: Buffer) => string | null, opts: { answerAfterBytes?: number; closeAfterBytes?: number } = {}) {
  const received: Buffer[] = [];
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let command: string | null = null;
    const chunks: Buffer[] = [];
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (command === null) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 1);
        if (command === 'zPING') {
          socket.end('PONG\0');
          return;
        }
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (opts.closeAfterBytes !== undefined && Buffer.concat(chunks).length >= opts.closeAfterBytes) {
          socket.destroy();
          return;
        }
        if (opts.answerAfterBytes !== undefined && Buffer.concat(chunks).length >= opts.answerAfterBytes) {
          socket.end('INSTREAM size limit exceeded. ERROR\0');
          return;
        }
        if (length === 0) {
          const all = Buffer.concat(chunks);
          received.push(all);
          const answer = reply(all);
          if (answer !== null) socket.end(`${answer}\0`);
          return;
        }
        if (buffer.length < 4 + length) return;
        chunks.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { address: { host: '127.0.0.1', port }, received, close: () => new Promise((r) => server.close(r)) };
}

/** A stream of `count` chunks of `size` bytes, each filled with its index. */
const chunked = (count: number, size: number) => Readable.from(Array.from({ length: count }, (_, i) => Buffer.alloc(size, i)));

describe('clamd INSTREAM client', () => {
  const servers: { close: () => Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('streams every chunk length-framed and ends with a zero-length chunk; stream: OK is clean', async () => {
    const clamd = await fakeClamd(() => 'stream: OK');
    servers.push(clamd);
    await expect(scanStream(clamd.address, chunked(40, 64 * 1024), 5000)).resolves.toEqual({ infected: false });
    // Buffer#equals: jest's toEqual walks 2.5 MB byte by byte for a minute
    expect(clamd.received[0].equals(Buffer.concat(Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i))))).toBe(true);
  });

  it('reads the finding from stream: <name> FOUND', async () => {
    const clamd = await fakeClamd(() => 'stream: Win.Test.EICAR_HDB-1 FOUND');
    servers.push(clamd);
    await expect(scanStream(clamd.address, Readable.from([Buffer.from('x')]), 5000)).resolves.toEqual({ infected: true, finding: 'Win.Test.EICAR_HDB-1' });
  });

  it('takes a size-limit answer given mid-stream as ClamdSizeLimitError, not as a lost connection', async () => {
    const clamd = await fakeClamd(() => 'stream: OK', { answerAfterBytes: 256 * 1024 });
    servers.push(clamd);
    await expect(scanStream(clamd.address, chunked(200, 64 * 1024), 5000)).rejects.toBeInstanceOf(ClamdSizeLimitError);
  });

  it('takes a live clamd closing mid-stream without a verdict as a refusal (its answer lost to EPIPE), never as clamd being down', async () => {
    const clamd = await fakeClamd(() => 'stream: OK', { closeAfterBytes: 256 * 1024 });
    servers.push(clamd);
    await expect(scanStream(clamd.address, chunked(200, 64 * 1024), 5000)).rejects.toBeInstanceOf(ClamdSizeLimitError);
  });

  it('gives up after the timeout when clamd never answers', async () => {
    const clamd = await fakeClamd(() => null);
    servers.push(clamd);
    const started = Date.now();
    await expect(scanStream(clamd.address, Readable.from([Buffer.from('x')]), 300)).rejects.toThrow(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('is ClamdUnavailableError when nothing listens', async () => {
    const clamd = await fakeClamd(() => 'stream: OK');
    await clamd.close();
    await expect(scanStream(clamd.address, Readable.from([Buffer.from('x')]), 1000)).rejects.toBeInstanceOf(ClamdUnavailableError);
  });

  it('refuses an answer it does not know rather than calling the file clean', () => {
    expect(() => parseReply('stream: Can\'t allocate memory ERROR\0')).toThrow(ClamdUnavailableError);
    expect(() => parseReply('')).toThrow(ClamdUnavailableError);
    expect(parseReply('stream: OK\0')).toEqual({ infected: false });
  });
});
