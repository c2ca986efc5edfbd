/// <reference types="vitest/config" />
// Three projects: "unit" (pure lib and schemas, fast), "dist" (checks over the built site in
// $DIST_DIR, default dist/), "e2e" (real headless Chromium against the built site).
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
          globalSetup: ['tests/e2e/setup/global.ts'],
        },
      },
    ],
  },
});
