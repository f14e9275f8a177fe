import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{protocol,cli,mock-server,extension,playwright}/**/*.test.ts', 'extension/panel/components/**/*.test.tsx'],
    testTimeout: 30_000,
    // Memory tests measure what stays live after a collection, not garbage awaiting one.
    execArgv: ['--expose-gc'],
  },
});
