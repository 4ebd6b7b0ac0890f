/**
 * The one table of finding classes (src/model/finding-classes.ts): every row is complete, the docs and the report
 * schema generated from it are fresh (`npm run docs` would write them byte for byte), and the builder holds a finding
 * to its row.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { completeFinding, DECISION_POINTS, type Finding, finding } from '../../src/model/finding.js';
import { FINDING_CLASSES, type FindingClass } from '../../src/model/finding-classes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POINTS = DECISION_POINTS.map((p) => p.id as string);

interface Generator {
  loadTables(): Promise<unknown>;
  renderReadme(readme: string, tables: unknown): string;
  foldTablePadding(markdown: string): string;
  renderSchema(text: string, tables: unknown): string;
}
const generator = async () =>
  (await import(pathToFileURL(path.join(ROOT, 'scripts/finding-docs.mjs')).href)) as Generator;

describe('the table of finding classes', () => {
  it.each(Object.entries(FINDING_CLASSES))('%s has a complete row', (cls, row) => {
    expect(cls).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(row.points.length).toBeGreaterThan(0);
    for (const point of row.points) expect(POINTS).toContain(point);
    expect(new Set(row.points).size).toBe(row.points.length);
    expect(row.meaning).toMatch(/^[A-Z`].*[.)]$/);
    expect(row.meaning).not.toContain('\n');
    if (row.docUrl.startsWith('https://')) expect(row.docUrl).toMatch(/^https:\/\/[a-z0-9.-]+\/\S+$/);
    else expect(existsSync(path.join(ROOT, row.docUrl))).toBe(true);
    const seenAs: readonly { error: string; at?: string }[] = 'seenAs' in row ? row.seenAs : [];
    for (const seen of seenAs) expect(row.points as readonly string[]).toContain(seen.at ?? row.points[0]);
  });

  it("gives a deploy job that runs on a fork's pull requests no cause: GitHub never gives those runs a token", () => {
    expect('cause' in FINDING_CLASSES['fork-pull-request-deploy']).toBe(false);
  });

  it('gives every failing class but the preflight-input ones a cause', () => {
    const without = Object.entries(FINDING_CLASSES)
      .filter(([, row]) => !('cause' in row))
      .map(([cls]) => cls);
    // A pass, and what no credential change explains: an unread layer, a missing file, a configuration error.
    for (const cls of without) {
      expect(FINDING_CLASSES[cls as FindingClass].meaning).toMatch(
        /verified|not read|in no file|fail closed|could not|not a |is not|differ|names no|disagree|may not read|do not|does not|are not|belong|not where|asked for|no account|no AWS credentials|unknown|depends/i,
      );
    }
  });
});

describe('the docs generated from the table', () => {
  it('README.md is fresh: `npm run docs` would write it byte for byte', async () => {
    const g = await generator();
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // Biome pads the tables after the generator writes them; the padding is all that may differ.
    expect(g.foldTablePadding(g.renderReadme(readme, await g.loadTables()))).toBe(g.foldTablePadding(readme));
  });

  it('schema/report.v1.schema.json is fresh, and its class enum is every class of the table', async () => {
    const g = await generator();
    const text = readFileSync(path.join(ROOT, 'schema/report.v1.schema.json'), 'utf8');
    expect(g.renderSchema(text, await g.loadTables())).toBe(text);
    const schema = JSON.parse(text) as {
      $defs: { finding: { properties: { class: { enum: string[] }; decisionPoint: { enum: string[] } } } };
    };
    expect(schema.$defs.finding.properties.class.enum).toEqual(Object.keys(FINDING_CLASSES).sort());
    expect(schema.$defs.finding.properties.decisionPoint.enum).toEqual(POINTS);
  });

  it('a class renamed in the table would make the README stale', async () => {
    const g = await generator();
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const tables = (await g.loadTables()) as { FINDING_CLASSES: Record<string, unknown>; DECISION_POINTS: unknown };
    const { expired, ...rest } = tables.FINDING_CLASSES;
    const renamed = { ...tables, FINDING_CLASSES: { ...rest, 'token-has-expired': expired } };
    expect(g.foldTablePadding(g.renderReadme(readme, renamed))).not.toBe(g.foldTablePadding(readme));
  });
});

describe('finding()', () => {
  it("fills the decision point, cause and docs from the class's row", () => {
    const f = finding('expired', { id: 'token:t:expired', subject: 'token "t"', message: 'Expired.' });
    expect(f).toMatchObject({
      decisionPoint: 'token',
      status: 'fail',
      cause: 'expired-or-rotated-credential',
      docUrl: FINDING_CLASSES.expired.docUrl,
    });
    expect(finding('ok', { id: 'x', subject: 'y', message: 'Fine.', decisionPoint: 'sts-trust' })).toMatchObject({
      status: 'pass',
      decisionPoint: 'sts-trust',
    });
    expect(finding('ok', { id: 'x', subject: 'y', message: 'Fine.' }).cause).toBeUndefined();
  });

  it('refuses a decision point that is not in the row (a bug, caught at run time for computed values)', () => {
    const point = 'scp' as 'token';
    expect(() => finding('expired', { id: 'x', subject: 'y', message: 'm', decisionPoint: point })).toThrow(
      /not reported at scp/,
    );
  });

  it("takes cause: null as none of the three causes, whatever the class's row says", () => {
    const forged = finding('bad-signature', { id: 'x', subject: 'y', message: 'm', cause: null });
    expect(forged.cause).toBeUndefined();
    expect(FINDING_CLASSES['bad-signature'].cause).toBeDefined();
  });

  it('completeFinding gives a finding made elsewhere its docs, and refuses a point not in its row', () => {
    const bare: Finding = {
      id: 'x',
      subject: 'y',
      decisionPoint: 'token',
      class: 'expired',
      status: 'fail',
      message: 'm',
      evidence: {},
    };
    expect(completeFinding(bare)).toMatchObject({ docUrl: FINDING_CLASSES.expired.docUrl });
    expect(completeFinding(bare).cause).toBeUndefined();
    expect(() => completeFinding({ ...bare, decisionPoint: 'scp' })).toThrow(/not reported at scp/);
  });
});
