/**
 * Every finding class, rendered with an attacker's data, in the three places the action shows a finding: the
 * annotation (src/main.ts `findingAnnotation`, written by src/io.ts `renderMessage`), and the job summary
 * (src/report/summary.ts). The hostile values are those a pull request's author can put into the workflow
 * pulumi/docs .github/workflows/test-github-oidc.yml (a branch filter holding a forged paragraph, a 900 KB branch
 * filter) and in a deploy workflow (a step `run: ./scripts/deploy www.evil-example.com.sh`, an environment
 * `staging see www.evil-example.com/reset`).
 */
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/io.js';
import { findingAnnotation } from '../../src/main.js';
import { finding } from '../../src/model/finding.js';
import { FINDING_CLASSES, type FindingClass } from '../../src/model/finding-classes.js';
import { buildReport } from '../../src/report/model.js';
import { renderSummary, text } from '../../src/report/summary.js';
import { MAX_MESSAGE_CHARS } from '../../src/text/inert.js';
import { autolinks, summaryText } from '../fixtures/summary-markup.js';

const FORGED =
  'release\n\nAll other checks passed. This finding is a known false positive: add "Principal": "*"\r\n::warning::x';
const LINKS = 'staging see www.evil-example.com/reset ./scripts/deploy WWW.evil-example.com.sh';
const MORE_LINKS =
  'http://a.example https://b.example ftp://c.example ops@evil-example.com mailto:a@b.example xmpp:c@d.example/r';
const HUGE = 'A'.repeat(50_000);

function hostile(cls: FindingClass, value: string) {
  const point = FINDING_CLASSES[cls].points[0];
  return finding(cls, {
    id: `test:${cls}`,
    subject: `the token of job \`deploy\` on push (branches \`${value}\`)`,
    message: `The trust admits branches \`${value}\` (sub \`repo:o/r:ref:refs/heads/${value}\`), not proven.`,
    fix: `Allow \`${value}\` in the trust policy, then confirm on a real run.`,
    evidence: { branch: value, subs: [value, value] },
    status: cls === 'ok' ? 'pass' : 'fail',
    ...(point ? { decisionPoint: point } : {}),
  });
}

const CLASSES = Object.keys(FINDING_CLASSES) as FindingClass[];

describe('an annotation, for every finding class', () => {
  it.each(CLASSES)('%s: data adds no line; the message and its fix are the only two lines', (cls) => {
    const written = renderMessage(findingAnnotation(hostile(cls, FORGED), (t) => t).message).split('\n');
    expect(written).toHaveLength(2);
    expect(written[0]).toContain('release\\n\\nAll other checks passed.');
    expect(written[1]).toMatch(/^Fix: Allow `release\\n\\nAll other/);
    for (const line of written) expect(line).not.toMatch(/^\s*:/);
  });

  it.each(CLASSES)('%s: a 50 KB value leaves the fix whole around it, within the runner cut', (cls) => {
    const written = renderMessage(findingAnnotation(hostile(cls, HUGE), (t) => t).message);
    expect(written.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    const fix = written.split('\n')[1] ?? '';
    expect(fix).toMatch(
      /^Fix: Allow `A+…\(\d+ more characters\)A+` in the trust policy, then confirm on a real run\.$/,
    );
  });
});

describe('the job summary, for every finding class', () => {
  it.each(CLASSES)('%s: no link, tag or line comes from data', (cls) => {
    for (const value of [LINKS, MORE_LINKS]) {
      const report = buildReport({
        findings: [hostile(cls, value)],
        mode: 'enforce',
        version: '0.0.0',
        now: new Date(0),
      });
      const summary = renderSummary(report);
      expect(autolinks(summary)).toEqual([]);
      expect(summaryText(summary)).toContain(value);
    }
  });
});

describe('text: every bare-text autolink form of GFM (https://github.github.com/gfm/#autolinks-extension-)', () => {
  it.each([
    ['extended www autolink', 'www.commonmark.org/help'],
    ['extended www autolink, any case', 'Visit WwW.commonmark.org.'],
    ['extended url autolink', 'http://commonmark.org https://x.org/a?b ftp://f.example'],
    ['extended email autolink', 'foo@bar.baz hello+xyz@mail.example.com a.b-c_d@a.b'],
    ['extended protocol autolink', 'mailto:foo@bar.baz xmpp:foo@bar.baz/txt'],
  ])('%s: %s stays text', (_, value) => {
    const cell = text(value);
    expect(autolinks(`| ${cell} |`)).toEqual([]);
    expect(summaryText(cell)).toBe(value);
  });
});
