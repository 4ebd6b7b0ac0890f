import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // GitHub's workflow parser is inlined (below); its published source maps point to sources it does not ship,
      // and vite would warn once per module of it. The code is loaded without its source-map comment instead.
      name: 'workflow-parser-without-source-maps',
      enforce: 'pre',
      load(id) {
        if (!/[\\/]@actions[\\/]workflow-parser[\\/].*\.js$/.test(id)) return null;
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      },
    },
  ],
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Worker threads start a test file faster than forked processes and cost less CPU; each file still runs in a
    // worker of its own (isolate), with its own process.env and process.stdout, which the in-process action runs
    // take over one step at a time (__tests__/fixtures/runner-step.ts). Two workers on the two-core machine: much of
    // a file's time is spent waiting on loopback servers, and the suite took 42 s against 62 s with vitest's default
    // of one (measured back to back on a quiet machine). No test depends on timing: the concurrency test gates its
    // server's answers on a count (__tests__/sources/aws-iam.test.ts).
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30_000,
    // GitHub's workflow parser imports its JSON schemas without import attributes, which node refuses; vite's own
    // transform loads them (esbuild does the same in the build, scripts/build.mjs).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
