import { DomainError } from '../errors/domain-errors';

/** The virus scanner found something in an upload: nothing of the request was stored. */
export class InfectedFileError extends DomainError {
  readonly status = 422;
  readonly errorName = 'InfectedFileError';

  constructor(file: string, finding: string) {
    super(`"${file}" was refused: the virus scanner found ${finding}`, { file, finding });
  }
}

/** Uploads are scanned, but the scanner cannot be asked: refused rather than stored unchecked (fail closed). */
export class ScannerUnavailableError extends DomainError {
  readonly status = 503;
  readonly errorName = 'ServiceUnavailableError';

  constructor(file: string) {
    super(`"${file}" could not be checked for viruses: the virus scanner is unavailable; try again later`, { file });
  }
}

/** The file is bigger than the scanner checks (clamd's StreamMaxLength): it cannot be vouched for. */
export class TooLargeToScanError extends DomainError {
  readonly status = 413;
  readonly errorName = 'PayloadTooLargeError';

  constructor(file: string) {
    super(`"${file}" is larger than the virus scanner checks`, { file });
  }
}
