import net from 'node:net';
import type { Readable } from 'node:stream';

/** Where clamd listens: a TCP host and port, or a unix socket. */
export type ClamdAddress = { host: string; port: number } | { socket: string };

/** What clamd said about a stream. */
export type ScanVerdict = { infected: false } | { infected: true; finding: string };

/** clamd could not be asked or gave no usable answer (down, too slow, a refusal such as a size limit). */
export class ClamdUnavailableError extends Error {}

/** clamd refused the stream for its size (StreamMaxLength): the file is bigger than the scanner checks. */
export class ClamdSizeLimitError extends ClamdUnavailableError {}

/** 4-byte big-endian length before every chunk; a zero length ends the stream. */
const chunkHeader = (length: number) => {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(length);
  return header;
};

/** Resolves when the socket can take more, or is gone (its close settles the scan). */
const drained = (socket: net.Socket) =>
  new Promise<void>((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.once('drain', done);
    socket.once('close', done);
  });

/** Reads clamd's one-line answer to INSTREAM (`stream: OK`, `stream: <name> FOUND`, `… ERROR`). */
export function parseReply(reply: string): ScanVerdict {
  const line = reply.replace(/\0/g, '').trim();
  if (line === 'stream: OK') return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { infected: true, finding: found[1] };
  if (/size limit exceeded/i.test(line)) throw new ClamdSizeLimitError(`clamd refused the stream: ${line}`);
  throw new ClamdUnavailableError(`clamd answered "${line || '(nothing)'}"`);
}

/** Whether clamd answers `zPING` with PONG within `timeoutMs`. */
export function ping(address: ClamdAddress, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = 'socket' in address ? net.connect(address.socket) : net.connect(address.port, address.host);
    let reply = '';
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (data) => (reply += data.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(reply.startsWith('PONG')));
  });
}

/**
 * Sends `content` to clamd with INSTREAM, chunk by chunk as the stream yields them (the file is
 * never held whole here), and reads the verdict. clamd silent for `timeoutMs` at any point —
 * connecting, taking the file, scanning — is ClamdUnavailableError.
 */
export function scanStream(address: ClamdAddress, content: Readable, timeoutMs: number): Promise<ScanVerdict> {
  return new Promise<ScanVerdict>((resolve, reject) => {
    const socket = 'socket' in address ? net.connect(address.socket) : net.connect(address.port, address.host);
    let reply = '';
    let settled = false;
    const finish = (error: Error | null, verdict?: ScanVerdict) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      content.destroy();
      if (error) reject(error);
      else resolve(verdict as ScanVerdict);
    };
    // clamd may answer (a size limit) and close while chunks are still going out: its answer wins
    const answer = () => {
      try {
        finish(null, parseReply(reply));
      } catch (error) {
        finish(error as Error);
      }
    };
    socket.setTimeout(timeoutMs, () => finish(new ClamdUnavailableError(`clamd gave no answer within ${timeoutMs} ms`)));
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      reply += data;
      if (reply.includes('\0')) answer();
    });
    let streaming = false;
    /**
     * The connection ended without an answer. Mid-stream that is how clamd refuses a file over its
     * StreamMaxLength when our next write beats its answer (EPIPE): if it still answers PING it
     * closed on purpose, and the file must not pass as if clamd were down (fail-open).
     */
    const lost = async (error?: Error) => {
      if (reply) return answer();
      if (settled) return;
      const alive = streaming && (await ping(address, timeoutMs));
      if (alive) finish(new ClamdSizeLimitError('clamd closed the stream before its verdict (over its StreamMaxLength)'));
      else finish(new ClamdUnavailableError(`clamd is unreachable: ${error?.message ?? 'connection closed without an answer'}`));
    };
    socket.on('end', () => void lost());
    socket.on('error', (error) => void lost(error));
    content.on('error', (error) => finish(error));
    socket.once('connect', async () => {
      streaming = true;
      try {
        socket.write('zINSTREAM\0');
        for await (const chunk of content) {
          const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
          if (settled) return;
          // wait while the socket's buffer is full, so a large file streams instead of piling up
          if (!socket.write(Buffer.concat([chunkHeader(bytes.length), bytes]))) await drained(socket);
        }
        if (!settled) socket.write(chunkHeader(0));
      } catch (error) {
        // the socket's own failure reaches `lost`; this is the content stream's
        if (!settled && !reply && !socket.destroyed) finish(error as Error);
      }
    });
  });
}
