/**
 * `npm run demo` (scripts/demo.mjs), the README's first command: it runs the whole preflight offline against the
 * embedded example and must show the example's one denial, its class and its fix, and exit 0 because that is the
 * expected outcome. Runs the committed dist/cli.js (rebuild with `npm run build` first).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnNode } from './fixtures/processes.js';

/** `node scripts/demo.mjs` at the root, with only PATH in its environment. */
const runDemo = () => spawnNode('scripts/demo.mjs', [], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });

describe('npm run demo', () => {
  it('shows the one denial with its class and fix, says it ran as expected, and exits 0', async () => {
    const run = await runDemo();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;
    // The preflight's own report: one failing check, under the SCPs, with its class, fix and file.
    expect(out).toMatch(/^Preflight failed: 1 of \d+ checks would fail \(1 would end in 403\)$/m);
    expect(out.match(/^ {2}(FAIL|UNVERIFIED) /gm)).toHaveLength(1);
    expect(out).toMatch(/^Service control policies\n {2}FAIL +cloudfront:CreateInvalidation on \S+ +explicit-deny$/m);
    expect(out).toMatch(/^ +cause +changed entitlement; the real call would end in 403$/m);
    expect(out).toMatch(/^ +fix +.*DenyOutsideEU/m);
    expect(out).toMatch(/^ +at +aws\/org\/1-ou-7k2d-q8mz3vbn\/p-4x9r2m7kqa\.json:\d+$/m);
    // The demo's verdict and the concrete fix.
    expect(out).toContain('Demo result: as expected (this script exits 0)');
    expect(out).toContain(
      'Fix: add "cloudfront:*" to that statement\'s NotAction, in aws/org/1-ou-7k2d-q8mz3vbn/p-4x9r2m7kqa.json',
    );
    expect(out).toMatch(
      /^Timing: the preflight \(node dist\/cli\.js check, start to exit\) \d+ ms \(target under 300 ms: (met|MISSED)\); the demo in all \d+ ms/m,
    );
  });

  it("is the README's first command, and the README shows the example's workflow as it is", () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const firstCommand = /```sh\n(?:#.*\n)*(.+)\n/.exec(readme)?.[1];
    expect(firstCommand).toBe('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    const workflow = readFileSync(`${ROOT}examples/site/.github/workflows/deploy.yml`, 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${workflow}\`\`\``);
  });
});
