import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// each component test starts from an empty document and empty storages
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
