import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'web/src/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/results.json' },
    // A timeout catches a hang, not a slow machine: on a loaded 2-core machine honest tests
    // took several times their quiet duration (embedded PostgreSQL start-up, argon2), so the
    // limits are generous. Speed goals live in bench/, never in a test's timeout.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Browser journeys need the built members' app: built once when missing or stale.
    globalSetup: ['e2e/build-web.global-setup.ts'],
  },
});
