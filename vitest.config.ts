import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Worker threads start a test file faster than forked processes and cost less CPU; each file still runs in a
    // worker of its own (isolate), with its own process.env and process.stdout, which the in-process action runs
    // take over one step at a time (__tests__/fixtures/runner-step.ts).
    pool: 'threads',
    // At least two files at once even on two cores (vitest's default is one per core but one): the end-to-end files
    // spend much of their time waiting on loopback servers and AWS retry backoff, which another file can use.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
  },
});
