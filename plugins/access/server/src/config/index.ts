import path from 'node:path';
import { checkVirusScanConfig, type VirusScanConfig } from '../virus-scan/scan-settings';

/** Plugin options, set in the app's `config/plugins.ts` under `access.config`. */
export interface AccessPluginConfig {
  /** The roles file (rights, roles, Public, and sections other plugins own). */
  rolesFile: string;
  /** IANA zone whose offset every API timestamp is written with (APP_TIMEZONE). */
  timeZone: string;
  /** clamd for scanning uploads (CLAMD_*); null: uploads are not scanned. */
  virusScan: VirusScanConfig | null;
}

export default {
  default: (): AccessPluginConfig => ({
    rolesFile: path.resolve(process.cwd(), '..', 'config', 'roles.yaml'),
    timeZone: 'Asia/Shanghai',
    virusScan: null,
  }),
  validator(config: AccessPluginConfig) {
    if (typeof config.rolesFile !== 'string' || !config.rolesFile) throw new Error('access.rolesFile must be a path');
    if (!Intl.supportedValuesOf('timeZone').includes(config.timeZone) && config.timeZone !== 'UTC') {
      throw new Error(`access.timeZone "${config.timeZone}" is not an IANA time zone`);
    }
    checkVirusScanConfig(config.virusScan);
  },
};
