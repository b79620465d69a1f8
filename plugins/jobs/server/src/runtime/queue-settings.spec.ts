import config from '../config';
import { defaultJobOptions, envSuffix, isQueueName, queueConcurrency, queuePrefix } from './queue-settings';

describe('queue settings', () => {
  const base = { ...config.default(), attempts: 4, backoffMs: 200, concurrency: 3, queueConcurrency: { OCR: 5, EXCEL_IO: 1 } };

  it('names queues in env the way the README says', () => {
    expect(envSuffix('ocr')).toBe('OCR');
    expect(envSuffix('excel-io')).toBe('EXCEL_IO');
  });

  it('tags each queue on a cluster, and keeps the key names of one server', () => {
    expect(queuePrefix('ticketing:jobs', 'ocr', false)).toBe('ticketing:jobs');
    expect(queuePrefix('ticketing:jobs', 'ocr', true)).toBe('ticketing:jobs:{ocr}');
    expect(queuePrefix('ticketing:jobs', 'export-cleanup', true)).toBe('ticketing:jobs:{export-cleanup}');
  });

  it('takes concurrency from env, then the registration, then the default', () => {
    expect(queueConcurrency('ocr', base, { concurrency: 2 })).toBe(5);
    expect(queueConcurrency('excel-io', base, {})).toBe(1);
    expect(queueConcurrency('export', base, { concurrency: 2 })).toBe(2);
    expect(queueConcurrency('export', base, {})).toBe(3);
  });

  it('retries with exponential backoff and jitter', () => {
    expect(defaultJobOptions(base, {})).toMatchObject({ attempts: 4, backoff: { type: 'exponential', delay: 200, jitter: 0.5 } });
    expect(defaultJobOptions(base, { attempts: 1, backoffMs: 10 })).toMatchObject({ attempts: 1, backoff: { delay: 10 } });
  });

  it('accepts plain queue names only', () => {
    expect(['ocr', 'import', 'excel-io', 'test'].every(isQueueName)).toBe(true);
    expect(['', 'OCR', 'a:b', 'a b', '1x', 42].some(isQueueName)).toBe(false);
  });
});
