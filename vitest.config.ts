import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/results.json' },
    // Embedded PostgreSQL start-up (initdb) takes seconds on a slow CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Browser journeys need the built members' app: built once when missing or stale.
    globalSetup: ['e2e/build-web.global-setup.ts'],
  },
});
