// smtp-server and mailparser ship no types; this is the part the notification tests use.
declare module 'smtp-server' {
  import type { Readable } from 'node:stream';
  import type { Server } from 'node:net';
  interface Address {
    address: string;
  }
  interface Session {
    envelope: { mailFrom: Address | false; rcptTo: Address[] };
  }
  interface Auth {
    method: string;
    username?: string;
    password?: string;
  }
  interface SMTPServerOptions {
    authOptional?: boolean;
    allowInsecureAuth?: boolean;
    disabledCommands?: string[];
    logger?: boolean;
    onAuth?(auth: Auth, session: Session, callback: (error: Error | null, response?: { user: string }) => void): void;
    onData?(stream: Readable, session: Session, callback: (error?: Error | null) => void): void;
  }
  export class SMTPServer {
    constructor(options: SMTPServerOptions);
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
  }
}

declare module 'mailparser' {
  interface AddressObject {
    value: { address?: string; name: string }[];
    text: string;
  }
  export interface ParsedMail {
    subject?: string;
    from?: AddressObject;
    to?: AddressObject;
    text?: string;
    html?: string | false;
    messageId?: string;
    headers: Map<string, unknown>;
  }
  export function simpleParser(source: Buffer | string): Promise<ParsedMail>;
}
