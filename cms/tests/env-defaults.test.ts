import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// scripts/env-defaults.js: how `npm start` loads cms/.env without overriding the caller's variables
const script = path.resolve(__dirname, '..', '..', 'scripts', 'env-defaults.js');

describe('npm start reads cms/.env under the environment it was given', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-defaults-'));
    fs.writeFileSync(
      path.join(dir, '.env'),
      ['# comment', 'PORT=1337', 'HOST=0.0.0.0', "QUOTED=\"it's a b\"", 'EMPTY_IN_CALLER=from-file', 'SECRET=a+b/c=='].join('\n'),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What a bash script sees after eval-ing the output, for the given caller environment. */
  function shellSees(callerEnv: Record<string, string>, names: string[]): Record<string, string> {
    const printf = names.map((name) => `printf '%s=%s\\n' ${name} "\${${name}-<unset>}"`).join('; ');
    const out = execFileSync('bash', ['-c', `set -euo pipefail; defaults=$(node "${script}" "${dir}/.env"); eval "$defaults"; ${printf}`], {
      env: { PATH: process.env.PATH as string, ...callerEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    return Object.fromEntries(out.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  }

  it('fills in what the caller left unset, and keeps what it set — even to an empty value', () => {
    expect(shellSees({ PORT: '1437', EMPTY_IN_CALLER: '' }, ['PORT', 'HOST', 'EMPTY_IN_CALLER'])).toEqual({
      PORT: '1437',
      HOST: '0.0.0.0',
      EMPTY_IN_CALLER: '',
    });
  });

  it('passes values through the shell unchanged (quotes, base64 secrets)', () => {
    expect(shellSees({}, ['QUOTED', 'SECRET'])).toEqual({ QUOTED: "it's a b", SECRET: 'a+b/c==' });
  });
});
