import path from 'node:path';

/** Plugin options, set in the app's `config/plugins.ts` under `ticketing.config`. */
export interface TicketingConfig {
  /** Folder holding `ticket-types/*.yaml`, the seed ticket types. */
  configDir: string;
  /** IANA zone that wall-clock input (Excel, forms, OCR) is read in. */
  timeZone: string;
}

export default {
  default: (): TicketingConfig => ({
    configDir: path.resolve(process.cwd(), '..', 'config'),
    timeZone: 'Asia/Shanghai',
  }),
  validator(config: TicketingConfig) {
    if (typeof config.configDir !== 'string' || !config.configDir) throw new Error('ticketing.configDir must be a path');
    if (!Intl.supportedValuesOf('timeZone').includes(config.timeZone) && config.timeZone !== 'UTC') {
      throw new Error(`ticketing.timeZone "${config.timeZone}" is not an IANA time zone`);
    }
  },
};
