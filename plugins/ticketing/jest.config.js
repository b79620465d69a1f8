/** Unit tests of the plugin's pure code, server and admin panel (`*.spec.ts` beside the code). */
module.exports = {
  displayName: 'ticketing',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/admin/src/**/*.spec.ts'],
};
