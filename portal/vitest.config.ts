import { defineConfig } from 'vitest/config';

// Vitest is hoisted to the root and runs on the root's vite 6, which the app's React plugin
// (made for vite 8) does not fit: esbuild's automatic JSX runtime is all the tests need.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // a component file's first test pays for loading antd and RJSF into jsdom: about 3 s alone,
    // past Vitest's 5 s default on two cores shared with other suites
    testTimeout: 20_000,
  },
});
