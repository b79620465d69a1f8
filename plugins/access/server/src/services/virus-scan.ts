import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { AccessPluginConfig } from '../config';
import type { Actor } from '../request/caller';
import { ClamdSizeLimitError, ClamdUnavailableError, scanStream } from '../virus-scan/clamd-client';
import { InfectedFileError, ScannerUnavailableError, TooLargeToScanError } from '../virus-scan/scan-errors';
import { describeAddress } from '../virus-scan/scan-settings';
import { accessService } from '../utils/get-service';

/** An uploaded file to scan: on disk where the body parser left it, or already in memory. */
export type UploadToScan = { name: string } & ({ path: string } | { bytes: Buffer });

/** Who uploads, for the audit entry of a finding, and what the upload was for (`ticket 42 photos`). */
export interface ScanContext {
  actor: Actor;
  requestId?: string | null;
  target: string;
}

export const VIRUS_FOUND_ACTION = 'virus found';

const contentOf = (file: UploadToScan) => ('path' in file ? fs.createReadStream(file.path) : Readable.from([file.bytes]));

/** The file's SHA-256: the audit entry names the file by its content, which outlives its name. */
async function sha256(file: UploadToScan) {
  const hash = createHash('sha256');
  for await (const chunk of contentOf(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Virus scanning of uploads with clamd (INSTREAM), before anything of them is stored. Off
 * without `virusScan` in the access config (CLAMD_HOST / CLAMD_SOCKET unset): uploads then
 * pass unscanned.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => (strapi.config.get('plugin::access') as AccessPluginConfig).virusScan ?? null;

  async function recordFinding(file: UploadToScan, finding: string, ctx: ScanContext) {
    try {
      const meta = { file: file.name, finding, target: ctx.target };
      await accessService(strapi, 'audit-hook').record([
        { entityKind: 'upload', entityId: await sha256(file), action: VIRUS_FOUND_ACTION, actor: ctx.actor, diff: null, meta, requestId: ctx.requestId ?? null },
      ]);
    } catch (error) {
      // the refusal matters more than its record: the upload is refused either way
      strapi.log.error(`virus scan: could not audit the finding in "${file.name}": ${(error as Error).message}`);
    }
  }

  async function scanOne(file: UploadToScan, ctx: ScanContext) {
    const config = settings();
    if (!config) return;
    let verdict;
    try {
      verdict = await scanStream(config.address, contentOf(file), config.timeoutMs);
    } catch (error) {
      if (error instanceof ClamdSizeLimitError) throw new TooLargeToScanError(file.name);
      if (!(error instanceof ClamdUnavailableError)) throw error;
      const where = describeAddress(config.address);
      if (!config.failOpen) {
        strapi.log.error(`virus scan: ${error.message} (clamd at ${where}); "${file.name}" refused`);
        throw new ScannerUnavailableError(file.name);
      }
      strapi.log.warn(`virus scan: ${error.message} (clamd at ${where}); "${file.name}" stored unscanned (CLAMD_FAIL_OPEN)`);
      return;
    }
    if (!verdict.infected) return;
    strapi.log.warn(`virus scan: "${file.name}" (${ctx.target}) holds ${verdict.finding}; refused`);
    await recordFinding(file, verdict.finding, ctx);
    throw new InfectedFileError(file.name, verdict.finding);
  }

  return {
    /** Whether uploads are scanned at all. */
    enabled: () => settings() !== null,

    /**
     * Scans each file in turn; the first finding refuses the whole upload (422, audited as
     * `virus found`), an unreachable scanner 503 unless fail-open.
     */
    async check(files: UploadToScan[], ctx: ScanContext) {
      for (const file of files) await scanOne(file, ctx);
    },
  };
};
