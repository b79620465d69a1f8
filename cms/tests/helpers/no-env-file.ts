/**
 * Strapi loads the env file at `ENV_PATH` (by default `<cwd>/.env`) with dotenv when it
 * starts. A developer's `cms/.env` — written by `npm start`, naming its s3rver, ports and
 * database — must not reach a test's CMS, so every CMS a test starts (in-process or as a child)
 * reads this empty file instead: a test's environment is only what the test sets.
 */
export const NO_ENV_FILE = { ENV_PATH: '/dev/null' } as const;
