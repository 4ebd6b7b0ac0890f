/**
 * The check registry (src/checks/index.ts) holds every check: a check file under src/checks/ that is not registered
 * would never run, so this fails (as typescript-eslint's rule index test does for its rules). And the pipeline's
 * "nothing was verified" follows from the registry.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS, loadRoleChecks, loadTokenChecks } from '../../src/checks/index.js';
import type { PreflightConfig } from '../../src/config/model.js';
import { DECISION_POINTS } from '../../src/model/finding.js';
import { planChecks, verifiesAnything } from '../../src/pipeline/run.js';
import { assumeRoleSettings } from '../fixtures/aws-settings.js';

const CHECKS_DIR = fileURLToPath(new URL('../../src/checks/', import.meta.url));
/** Files of the folder that are not checks: the registry and the interface. Helpers live in subfolders. */
const NOT_CHECKS = new Set(['index.ts', 'check.ts']);

describe('the check registry', () => {
  const files = readdirSync(CHECKS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !NOT_CHECKS.has(entry.name))
    .map((entry) => entry.name.replace(/\.ts$/, ''))
    .sort();

  it('lists every check file under src/checks/, once', () => {
    expect(CHECKS.map((c) => c.file).sort()).toEqual(files);
    expect(new Set(CHECKS.map((c) => c.file)).size).toBe(CHECKS.length);
  });

  it.each(CHECKS.map((c) => [c.file, c] as const))(
    '%s loads a check whose id, scope and points are as registered',
    async (file, entry) => {
      const check = await entry.load();
      expect(check.id).toBe(file);
      expect(check.scope).toBe(entry.scope);
      expect(check.title).toMatch(/\.\)?$/);
      expect(check.decisionPoints.length).toBeGreaterThan(0);
      for (const point of check.decisionPoints) expect(DECISION_POINTS.map((p) => p.id)).toContain(point);
    },
  );

  it('loads the token checks and the role checks by scope', async () => {
    expect((await loadTokenChecks()).map((c) => c.id)).toEqual(['token']);
    expect((await loadRoleChecks()).map((c) => c.id)).toEqual(
      CHECKS.filter((c) => c.scope === 'role').map((c) => c.file),
    );
  });
});

describe('what a configuration verifies', () => {
  const none: PreflightConfig = { mode: 'enforce', tokens: [], roles: [] };

  it('is nothing without a token or a role', async () => {
    expect(await planChecks(none)).toEqual([]);
    expect(await verifiesAnything(none)).toBe(false);
  });

  it('is every role check that applies to each role', async () => {
    const role = {
      settings: assumeRoleSettings('arn:aws:iam::111111111111:role/deploy'),
      permissions: [],
      sources: { policyFiles: [], liveReads: false, probe: false, crossCheck: false },
    };
    const config: PreflightConfig = { ...none, roles: [role] };
    const planned = await planChecks(config);
    const running = planned.filter((p) => p.subjects > 0).map((p) => p.check.id);
    // Without role chaining, the live probe or the cross-check, those checks have nothing to run over.
    expect(running).toEqual(['provider', 'trust', 'session', 'permissions']);
    expect(await verifiesAnything(config)).toBe(true);
  });
});
