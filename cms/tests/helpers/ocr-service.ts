import path from 'node:path';
import { spawn } from 'node:child_process';
import { freePort } from './strapi-process';

const main = path.resolve(__dirname, '..', '..', '..', 'ocr-service', 'dist', 'main.js');

/** The real OCR service (ocr-service/dist, its ONNX models loaded) in a child process on 127.0.0.1. */
export async function startOcrService(port?: number): Promise<{ url: string; port: number; pid: number; stop: () => Promise<void> }> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(chosen), LOG_LEVEL: 'warn', OCR_INTRA_OP_THREADS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`OCR service exited: ${stderr}`);
    const ready = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`OCR service not ready after 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port: chosen,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
