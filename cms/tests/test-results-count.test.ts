import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// scripts/test-results.js: the "N passed, N failed" line of npm test and .ci/run
const script = path.resolve(__dirname, '..', '..', 'scripts', 'test-results.js');

type VitestFile = { status: 'passed' | 'failed'; assertionResults: { status: 'passed' | 'failed' }[] };

function vitestResults(files: VitestFile[]) {
  const assertions = files.flatMap((f) => f.assertionResults);
  return {
    numPassedTests: assertions.filter((a) => a.status === 'passed').length,
    numFailedTests: assertions.filter((a) => a.status === 'failed').length,
    testResults: files,
  };
}

describe('test-results: the final count', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'test-results-'));
    fs.mkdirSync(path.join(root, 'portal'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (file: string, value: unknown) => fs.writeFileSync(path.join(root, file), JSON.stringify(value));
  const countLine = (...args: string[]) => execFileSync(process.execPath, [script, '--root', root, ...args], { encoding: 'utf8' }).trim();
  const jestResults = (passed: number, failed: number, runtimeErrors = 0) =>
    write('.jest-results.json', { numPassedTests: passed, numFailedTests: failed, numRuntimeErrorTestSuites: runtimeErrors });

  it('adds both runners', () => {
    jestResults(10, 1);
    write('portal/.vitest-results.json', vitestResults([{ status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }] }]));
    expect(countLine()).toBe('11 passed, 2 failed');
  });

  it('counts a Vitest file that failed after its tests passed (an afterAll error)', () => {
    jestResults(3, 0);
    write('portal/.vitest-results.json', vitestResults([
      { status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
      { status: 'passed', assertionResults: [{ status: 'passed' }] },
    ]));
    expect(countLine()).toBe('6 passed, 1 failed');
  });

  it('counts a Vitest file that failed before any test ran', () => {
    jestResults(3, 0);
    write('portal/.vitest-results.json', vitestResults([{ status: 'failed', assertionResults: [] }]));
    expect(countLine()).toBe('3 passed, 1 failed');
  });

  it('counts jest files that failed outside their tests', () => {
    jestResults(5, 0, 2);
    write('portal/.vitest-results.json', vitestResults([]));
    expect(countLine()).toBe('5 passed, 2 failed');
  });

  it('counts a runner that left no results file as one failure', () => {
    jestResults(5, 0);
    expect(countLine()).toBe('5 passed, 1 failed');
    fs.rmSync(path.join(root, '.jest-results.json'));
    expect(countLine()).toBe('0 passed, 2 failed');
  });

  it('adds the checks counted beside the runners', () => {
    jestResults(5, 0);
    write('portal/.vitest-results.json', vitestResults([{ status: 'passed', assertionResults: [{ status: 'passed' }] }]));
    expect(countLine('--passed', '1', '--failed', '0')).toBe('7 passed, 0 failed');
    expect(countLine('--passed', '0', '--failed', '1')).toBe('6 passed, 1 failed');
  });
});
