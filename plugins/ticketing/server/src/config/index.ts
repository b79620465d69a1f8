import path from 'node:path';

/** Plugin options, set in the app's `config/plugins.ts` under `ticketing.config`. */
export interface TicketingConfig {
  /** Folder holding `ticket-types/*.yaml`, the seed ticket types. */
  configDir: string;
  /** IANA zone that wall-clock input (Excel, forms, OCR) is read in. */
  timeZone: string;
  /** List totals are exact up to this many tickets, then reported as a lower bound; 0 = always exact. */
  countLimit: number;
  /** The SLA targets file (docs/sla.md); a missing file means no SLAs. */
  slaFile: string;
  /** How often each process looks for SLA clocks that reached a warning or a breach; 0 = never. */
  slaCheckIntervalMs: number;
  /** Automatic assignment rules (docs/teamwork.md); a missing file means none. */
  assignmentFile: string;
}

export default {
  default: (): TicketingConfig => ({
    configDir: path.resolve(process.cwd(), '..', 'config'),
    timeZone: 'Asia/Shanghai',
    countLimit: 1000,
    slaFile: path.resolve(process.cwd(), '..', 'config', 'sla.yaml'),
    slaCheckIntervalMs: 30_000,
    assignmentFile: path.resolve(process.cwd(), '..', 'config', 'assignment.yaml'),
  }),
  validator(config: TicketingConfig) {
    if (!Number.isSafeInteger(config.countLimit) || config.countLimit < 0) throw new Error('ticketing.countLimit must be a whole number ≥ 0');
    if (typeof config.configDir !== 'string' || !config.configDir) throw new Error('ticketing.configDir must be a path');
    if (typeof config.slaFile !== 'string' || !config.slaFile) throw new Error('ticketing.slaFile must be a path');
    if (typeof config.assignmentFile !== 'string' || !config.assignmentFile) throw new Error('ticketing.assignmentFile must be a path');
    if (!Number.isSafeInteger(config.slaCheckIntervalMs) || config.slaCheckIntervalMs < 0) throw new Error('ticketing.slaCheckIntervalMs must be a whole number ≥ 0');
    if (!Intl.supportedValuesOf('timeZone').includes(config.timeZone) && config.timeZone !== 'UTC') {
      throw new Error(`ticketing.timeZone "${config.timeZone}" is not an IANA time zone`);
    }
  },
};
