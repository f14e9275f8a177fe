import { defineConfig } from 'vitest/config';

const unitTests = '{protocol,cli,mock-server,extension,playwright}/**/*.test.ts';
// Measures scheduling precision: it runs alone, after the others, so sibling workers do not skew it.
const timingTest = 'mock-server/transports/timing.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Memory tests measure what stays live after a collection, not garbage awaiting one.
    execArgv: ['--expose-gc'],
    projects: [
      { extends: true, test: { name: 'unit', include: [unitTests], exclude: [timingTest] } },
      { extends: true, test: { name: 'timing', include: [timingTest], sequence: { groupOrder: 1 } } },
    ],
  },
});
