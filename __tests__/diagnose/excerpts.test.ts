import { describe, expect, it } from 'vitest';
import { parsePermissions } from '../../src/config/permissions.js';
import { diagnoseLog } from '../../src/diagnose/index.js';
import { EXCERPTS, NEGATIVE_EXCERPTS } from '../fixtures/logs/excerpts.js';

describe('explain: real log excerpts from public issue threads', () => {
  it('has at least 15 excerpts, each with its source', () => {
    expect(EXCERPTS.length).toBeGreaterThanOrEqual(15);
    for (const e of EXCERPTS) expect(e.source).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+(\/(issues|pull)\/\d+)?$/);
  });

  for (const excerpt of EXCERPTS) {
    it(`${excerpt.name} (${excerpt.source})`, () => {
      const { findings } = diagnoseLog(excerpt.log);
      expect(findings.map((f) => [f.class, f.decisionPoint])).toEqual(excerpt.expect.map((e) => [e.class, e.point]));
      excerpt.expect.forEach((e, i) => {
        const f = findings[i];
        expect(f?.status).toBe('fail');
        expect(f?.fix).toBeTruthy();
        expect(f?.evidence.permission).toBe(e.permission);
        if (e.role) expect(f?.evidence.role).toBe(e.role);
        expect(f?.evidence.occurrences).toBe(e.occurrences);
        expect(f?.evidence.accepted).toBe(e.accepted);
        if (e.permission) expect(f?.fix).toContain(e.permission);
      });
    });
  }

  it("writes each permission line in the configuration's line format (src/config/permissions.ts reads it back)", () => {
    const lines = EXCERPTS.flatMap((e) =>
      diagnoseLog(e.log).findings.flatMap((f) =>
        typeof f.evidence.permission === 'string' ? [f.evidence.permission] : [],
      ),
    );
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const parsed = parsePermissions(lines.join('\n'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.permissions.map((p) => `${p.action} ${p.resource}`)).toEqual(lines);
  });

  for (const negative of NEGATIVE_EXCERPTS) {
    it(`finds nothing in ${negative.name} (${negative.source})`, () => {
      expect(diagnoseLog(negative.log).findings).toEqual([]);
    });
  }
});
