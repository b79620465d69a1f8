import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink accepted: who the SMTP envelope named, and the parsed mail. */
export interface ReceivedMail {
  from: string | null;
  recipients: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on a free port of 127.0.0.1 that keeps what it is sent. It wants the
 * given login (no TLS: it is local), and can refuse the next messages with a temporary 451.
 */
export async function startSmtpSink(login: { user: string; pass: string }) {
  const received: ReceivedMail[] = [];
  let refuseNext = 0;
  let refused = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid login'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          refused += 1;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          recipients: session.envelope.rcptTo.map((r) => r.address),
          mail: await simpleParser(Buffer.concat(chunks)),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    /** Mails sent to `address`. */
    to: (address: string) => received.filter((m) => m.recipients.includes(address)),
    /** The next `count` messages get a 451 (a retry may succeed). */
    refuse(count: number) {
      refuseNext = count;
    },
    refusedCount: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
