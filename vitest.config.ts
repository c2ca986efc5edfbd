/// <reference types="vitest/config" />
// Five projects: "unit" (pure lib and schemas, fast), "dist" (checks over the built site in
// $DIST_DIR, default dist/), "e2e" (real headless Chromium against the built site), "journeys" (the core
// journeys written once and run in Chromium, Firefox ESR and WebKitGTK: tests/journeys/driver.ts), and
// "journeys-nginx" (the same journeys against the README's nginx recipe: scripts/lib/nginx.ts).
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        // Vitest's default 5 s per test is too short on a loaded 2-core machine (a 20,000-key HMAC check takes
        // longer there); a timeout only matters when a test hangs.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
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
      {
        extends: true,
        test: {
          name: 'journeys',
          include: ['tests/journeys/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/setup/global.ts'],
        },
      },
      {
        // The same journeys served by the README's production recipe in Debian's nginx (#19).
        extends: true,
        test: {
          name: 'journeys-nginx',
          include: ['tests/journeys/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          globalSetup: ['tests/journeys/nginx-setup.ts'],
          env: { SITE_SERVER: 'nginx' },
        },
      },
    ],
  },
});
