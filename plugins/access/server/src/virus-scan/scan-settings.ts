import type { ClamdAddress } from './clamd-client';

/** How uploads are scanned (access config `virusScan`); null: they are not. */
export interface VirusScanConfig {
  address: ClamdAddress;
  /** Connecting, streaming and the verdict together. */
  timeoutMs: number;
  /** When clamd cannot be asked: true stores the upload unscanned (logged), false answers 503. */
  failOpen: boolean;
}

/** Checks the `virusScan` option; throws naming what is wrong. */
export function checkVirusScanConfig(config: VirusScanConfig | null | undefined) {
  if (!config) return;
  const { address, timeoutMs } = config;
  const valid = 'socket' in address ? Boolean(address.socket) : Boolean(address.host) && Number.isInteger(address.port) && address.port > 0 && address.port < 65536;
  if (!valid) throw new Error('access.virusScan.address must be { host, port } or { socket } (CLAMD_HOST/CLAMD_PORT or CLAMD_SOCKET)');
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error('access.virusScan.timeoutMs must be a positive number of milliseconds (CLAMD_TIMEOUT_MS)');
}

/** Where clamd is, as the log names it. */
export const describeAddress = (address: ClamdAddress) => ('socket' in address ? address.socket : `${address.host}:${address.port}`);
