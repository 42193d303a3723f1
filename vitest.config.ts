import { defineConfig } from 'vitest/config';

// Source condition: tests import workspace packages from their TypeScript sources.
const resolve = { conditions: ['@ha-llm-ops/source'] };

export default defineConfig({
  resolve,
  ssr: {
    resolve: { conditions: ['@ha-llm-ops/source'], externalConditions: ['@ha-llm-ops/source'] },
  },
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['{contracts,sidecar,panel,cards}/test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
