import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A command run as a user runs it in a terminal of its own: its own process group (Ctrl-C
 * reaches the command and everything it started), its output appended to `logFile`.
 */
export interface TerminalCommand {
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  running: () => boolean;
  /** What the command printed so far. */
  output: () => string;
  /** Ctrl-C; SIGKILL to the whole group if it has not ended within `graceMs`. */
  interrupt: (graceMs?: number) => Promise<void>;
}

const tail = (text: string, lines = 80) => text.split('\n').slice(-lines).join('\n');

export function openTerminal(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): TerminalCommand {
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const record = (chunk: Buffer) => {
    output += chunk.toString();
    fs.appendFileSync(options.logFile, chunk);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // the group has ended already
    }
  };
  return {
    exited,
    running,
    output: () => output,
    async interrupt(graceMs = 60_000) {
      signalGroup('SIGINT');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // what the command started and left behind (the group outlives its leader)
      signalGroup('SIGKILL');
    },
  };
}

/** Runs a command to its end within `timeoutMs`; resolves with its exit code and output. */
export async function runInTerminal(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; timeoutMs: number },
): Promise<{ code: number | null; output: string }> {
  const terminal = openTerminal(command, args, options);
  const timer = setTimeout(() => void terminal.interrupt(5_000), options.timeoutMs);
  const code = await terminal.exited;
  clearTimeout(timer);
  // whatever it started and left behind in its group goes with it
  await terminal.interrupt(5_000);
  return { code, output: terminal.output() };
}

/** Polls `url` until it answers `accept`-ably; fails early when `alive` says the server is gone. */
export async function waitForUrl(
  url: string,
  { timeoutMs, alive, accept = (status) => status < 500, describe }: { timeoutMs: number; alive: () => boolean; accept?: (status: number) => boolean; describe: () => string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${url}: the server ended before it answered\n${tail(describe())}`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status && accept(status)) return;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s\n${tail(describe())}`);
}

export { tail };
