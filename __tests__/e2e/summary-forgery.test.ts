/**
 * The job summary cannot be forged: a branch name and a policy statement's Sid (both the pull request author's)
 * that hold HTML, Markdown and backticks appear in the summary as text, in code spans nothing can end
 * (src/report/summary.ts). Run in process as the runner runs the action (harness.ts); the summary is read with a
 * small GFM reader (../fixtures/summary-markup.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushToMain } from '../fixtures/actions-token-server.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { codeSpans, htmlTags, links, summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs, writeFile } from '../fixtures/temp-files.js';
import { type AwsPrepared, type AwsWorld, createAwsWorld } from './aws-world.js';
import { type ActionRun, runAction } from './harness.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

async function deployed(prepare: (w: AwsWorld) => Promise<AwsPrepared>): Promise<ActionRun> {
  const world = createAwsWorld(issuer);
  try {
    const { inputs, env } = await prepare(world);
    return await runAction(inputs, env);
  } finally {
    await world.close();
  }
}

/** The tags the summary itself writes; any other came from data. */
const OWN_TAGS = new Set(['br', 'sub', '/sub']);

function expectNoMarkupFromData(run: ActionRun): void {
  expect(run.summary).toContain('## permission-preflight');
  expect(htmlTags(run.summary).filter((t) => !OWN_TAGS.has(t))).toEqual([]);
  // The only links are the documentation links of the finding classes.
  for (const target of links(run.summary)) expect(target).toMatch(/^https:\/\/docs\.(github|aws\.amazon)\.com\//);
}

const BRANCH = 'x`<img/src=https://attacker.example/pixel.png><h3>✅Preflight passed…</h3>`';
const SID = '<a href=https://attacker.example/approve>Click to approve</a> [approve](https://attacker.example) `|`';

describe('the job summary shows data as text', () => {
  it('a branch name with backticks and HTML', async () => {
    const run = await deployed((w) => w.deploy({ run: pushToMain({ ref: `refs/heads/${BRANCH}` }) }));
    expect(run.reportText).toContain('attacker.example/pixel.png');
    expectNoMarkupFromData(run);
    // The sub claim, with the branch in it (GitHub writes a colon in a value as %3A), is one intact code span.
    const { spans } = codeSpans(run.summary);
    expect(spans).toContain(`repo:acme/api:ref:refs/heads/${BRANCH.replaceAll(':', '%3A')}`);
    expect(summaryText(run.summary)).toContain(BRANCH);
  });

  it("a statement's Sid with a link, HTML and a table separator", async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: SID, Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }],
    };
    const run = await deployed(async (w) => {
      const prepared = await w.deploy();
      writeFile(
        prepared.env.GITHUB_WORKSPACE as string,
        'evil/inline.json',
        JSON.stringify({ RoleName: 'github-deploy', PolicyName: 'deny-put', PolicyDocument: policy }),
      );
      return {
        ...prepared,
        inputs: { ...prepared.inputs, 'policy-files': `${prepared.inputs['policy-files']}\nevil` },
      };
    });
    expect(run.reportText).toContain('Click to approve');
    expectNoMarkupFromData(run);
    expect(summaryText(run.summary)).toContain(SID);
    expect(codeSpans(run.summary).spans.some((span) => span.includes(SID))).toBe(true);
    // Every table row keeps its four columns: no `|` from data split a cell.
    for (const row of run.summary.split('\n').filter((l) => l.startsWith('| '))) {
      expect(codeSpans(row).outside.replace(/\\\|/g, '').split('|').length - 1).toBe(5);
    }
  });
});
