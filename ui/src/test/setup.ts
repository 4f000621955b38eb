import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// CI shares two cores with other builds; the default 1 s wait for an element made findBy* fail
// on a loaded machine although the screen was right, so waits get the time a slow machine needs.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
