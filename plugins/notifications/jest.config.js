/** Unit tests of the plugin's pure code (`*.spec.ts` beside the code). */
module.exports = {
  displayName: 'notifications',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/server/src/**/*.spec.ts'],
};
