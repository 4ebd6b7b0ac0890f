import { describe, expect, it } from 'vitest';
import { diagnoseLog } from '../../src/diagnose/index.js';
import { renderExplainMarkdown, renderExplainText } from '../../src/report/explain.js';
import { EXCERPTS } from '../fixtures/logs/excerpts.js';

const all = diagnoseLog(EXCERPTS.map((e) => e.log).join('\n\n\n\n\n\n\n\n\n\n\n\n\n\n'));
const explanation = { source: 'job.log', lines: all.lines, findings: all.findings, dropped: all.dropped };

describe('explain: the rendered explanation', () => {
  it('keeps the Markdown within the bytes it is given, and says how many blocks it left out', () => {
    const md = renderExplainMarkdown(explanation, 4000);
    expect(md.length).toBeLessThanOrEqual(4000 + 200);
    const shown = (md.match(/^### /gm) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(md).toContain(`_${all.findings.length - shown} more not shown: the summary is capped._`);
  });

  it('shows every finding when there is room, each with its line, cause and fix', () => {
    const md = renderExplainMarkdown(explanation);
    expect((md.match(/^### /gm) ?? []).length).toBe(all.findings.length);
    const text = renderExplainText(explanation);
    for (const f of all.findings) {
      expect(text).toContain(`Line ${f.evidence.line}: ${f.class}`);
      expect(f.fix).toBeTruthy();
    }
  });

  it('says how many distinct failures the cap dropped', () => {
    const text = renderExplainText({ ...explanation, findings: all.findings.slice(0, 2), dropped: 7 });
    expect(text.split('\n')[0]).toContain('; 7 more not shown (the first 2 are)');
  });

  it('an ARN longer than IAM allows is not read as one', () => {
    const long = `arn:aws:s3:::${'b'.repeat(3000)}`;
    const d = diagnoseLog(
      `User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:PutObject on resource: ${long} because no identity-based policy allows the s3:PutObject action`,
    );
    expect(d.findings.map((f) => [f.class, f.evidence.permission, f.evidence.resource])).toEqual([
      ['implicit-deny', undefined, undefined],
    ]);
  });
});

describe('explain: the headline counts a 400 apart', () => {
  it('does not count an expiry answered with 400 among the 401s and 403s', () => {
    const log = EXCERPTS.find((e) => e.source.endsWith('content-build/pull/1958'))?.log ?? '';
    const d = diagnoseLog(`${log}\nHTTP 403 Forbidden`);
    const head = renderExplainText({ source: 'job.log', lines: d.lines, findings: d.findings, dropped: 0 }).split(
      '\n',
    )[0];
    expect(head).toBe('3 failures in job.log (4 lines read): 1 would end in 401 or 403, 2 in 400');
  });
});

describe('explain: a plain 403 names its target', () => {
  it("shows the step's command of a curl 403, so two steps' 403s read apart (bats-core/bats-action#14)", () => {
    // https://github.com/bats-core/bats-action/pull/14
    const d = diagnoseLog(
      'Run # In $HOME to avoid sudo requirements\ncurl: (22) The requested URL returned error: 403',
    );
    const e = { source: 'job.log', lines: d.lines, findings: d.findings, dropped: 0 };
    expect(renderExplainText(e)).toContain('  Target:          # In $HOME to avoid sudo requirements\n');
    expect(renderExplainMarkdown(e)).toContain('| Target | `# In $HOME to avoid sudo requirements` |');
  });
});
