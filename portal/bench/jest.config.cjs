/** The portal's benchmarks: jest runs them (the e2e harness is TypeScript), never the test suites. */
module.exports = {
  displayName: 'portal-bench',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/*.bench.ts'],
  testTimeout: 900_000,
};
