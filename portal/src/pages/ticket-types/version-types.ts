import type { Locale } from '../../i18n/locale';

/** A field of one version, as GET …/ticket-types/:key/versions lists it. */
export interface VersionField {
  key: string;
  type: string;
  label: Record<Locale, string>;
  required: boolean;
}

/** One version of a ticket type and how many tickets sit on it. */
export interface TypeVersion {
  version: number;
  createdAt: string;
  current: boolean;
  tickets: number;
  fields: VersionField[];
}

export interface TypeVersions {
  key: string;
  current: number;
  versions: TypeVersion[];
}

export type MigrationOutcome = 'migrated' | 'kept';
export type KeptReason = 'removed-field-has-data' | 'hidden-field-has-data' | 'required-field-empty' | 'value-refused';

export interface MigrationReason {
  field: string;
  reason: KeptReason;
  message: string;
}

/** One ticket's line of a migration report. */
export interface MigrationEntry {
  id: string;
  outcome: MigrationOutcome;
  reasons: MigrationReason[];
}

export interface MigrationCounts {
  total: number;
  migrated: number;
  kept: number;
}

/** What POST …/migrations takes. */
export interface MigrationBody {
  from: number;
  to: number;
  renames: Record<string, string>;
  defaults: Record<string, string>;
  dryRun: boolean;
}

/** A migration job's params and result (the job record). */
export type MigrationParams = Omit<MigrationBody, 'defaults'> & { typeKey: string; defaults: Record<string, unknown> };
export interface MigrationResult {
  typeKey: string;
  from: number;
  to: number;
  dryRun: boolean;
  counts: MigrationCounts;
}

/** A page of a migration's report. */
export interface MigrationReport extends MigrationResult {
  jobId: string;
  status: string;
  entries: MigrationEntry[];
}

/** The migration form's values: version pairs and rows of renames and defaults, some maybe half filled. */
export interface MigrationChoices {
  from?: number;
  to?: number;
  renames?: { from?: string; to?: string }[];
  defaults?: { field?: string; value?: string }[];
}
