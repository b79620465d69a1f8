/** The CMS's benchmarks (the soak): jest runs them for the TypeScript test helpers, never `npm test`. */
module.exports = {
  displayName: 'cms-bench',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/*.bench.ts'],
  setupFilesAfterEnv: ['<rootDir>/../tests/helpers/ignore-env-file.ts'],
  testTimeout: 3_600_000,
};
