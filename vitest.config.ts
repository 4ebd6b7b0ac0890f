import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Worker threads start a test file faster than forked processes and cost less CPU; each file still runs in a
    // worker of its own (isolate), with its own process.env and process.stdout, which the in-process action runs
    // take over one step at a time (__tests__/fixtures/runner-step.ts). The worker count stays vitest's default (one
    // per core but one): a second worker on two cores gained nothing measurable on this shared machine and slows the
    // tests that time concurrency (__tests__/sources/aws-iam.test.ts).
    pool: 'threads',
    testTimeout: 30_000,
  },
});
