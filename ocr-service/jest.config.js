/**
 * Jest config for ocr-service. Kept self-contained (rootDir = this folder) so a root
 * `projects: ['<rootDir>/ocr-service']` entry runs it unchanged.
 */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'ocr-service',
  rootDir: __dirname,
  // 'node', with the main realm's typed arrays (see the file for why).
  testEnvironment: '<rootDir>/test/onnx-environment.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  setupFilesAfterEnv: ['<rootDir>/test/jest-timeout.js'],
};
