// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell syntax, not JS.
/**
 * `gh` in the shell forms release scripts use, read with the shell reader the AWS calls use
 * (src/workflows/calls/shell.ts): inside `$(…)`, after `!`/`if`/`then`/`do`, in loops, after `time`. A `gh` the
 * reader cannot read as a command is unknown, never passed. Real script lines, each with where it was found.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptNeeds } from '../../src/workflows/github-token/gh-cli.js';

const commands = (script: string) => scriptNeeds(script).map((c) => [c.kind, c.command]);

describe('gh in common shell forms', () => {
  it('intent-hq/intentd scripts/publish-channel-manifest.sh: `if ! gh release view`, `if ! gh release create`', () => {
    const script = readFileSync(
      new URL('../fixtures/github-token/scripts/intentd-publish-channel-manifest.sh', import.meta.url),
      'utf8',
    );
    expect(commands(script)).toEqual([
      ['known', 'gh release view'],
      ['known', 'gh release create'],
      ['known', 'gh release view'],
      ['known', 'gh release upload'],
    ]);
  });

  it('a command substitution: `PR_URL=$(gh pr create … | tail -1)` (a sandbox test script, find_string 27671720754)', () => {
    const line =
      'PR_URL=$(gh pr create --repo "$REPO" --title "Integration test $BRANCH" --body "Automated integration test." --head "$BRANCH" | tail -1)';
    expect(commands(line)).toEqual([['known', 'gh pr create']]);
  });

  it('a loop: `for attempt in 1 2 3 4 5; do` then `if gh release upload` (upload_chunks.sh, find_string 71595714884)', () => {
    const script = [
      'for attempt in 1 2 3 4 5; do',
      '    if ! gh release view "$tag" >/dev/null 2>&1; then',
      '      gh release create "$tag" --title "Raw SITR responses $day (UTC)" --prerelease --latest=false \\',
      '        >/dev/null 2>&1 || true   # may race with another job; re-checked below',
      '    fi',
      '    if gh release upload "$tag" "$f" --clobber; then',
      '      break',
      '    fi',
      'done',
    ].join('\n');
    expect(commands(script)).toEqual([
      ['known', 'gh release view'],
      ['known', 'gh release create'],
      ['known', 'gh release upload'],
    ]);
    expect(commands('for f in dist/*; do gh release upload "${GITHUB_REF_NAME}" "$f" --clobber; done')).toEqual([
      ['known', 'gh release upload'],
    ]);
  });

  it('`time`, `command`, `exec` and `env VAR=x` before gh; gh inside `bash -c` is unknown', () => {
    expect(commands('time gh release create "$GITHUB_REF_NAME" --generate-notes')).toEqual([
      ['known', 'gh release create'],
    ]);
    expect(commands('env GH_REPO=acme/app command gh release upload v1 a.zip')).toEqual([
      ['known', 'gh release upload'],
    ]);
    expect(commands('bash -c "gh release create v1"')).toEqual([['unknown', 'gh (run by bash)']]);
  });
});

describe('gh pr merge', () => {
  it("--auto needs contents: write and pull-requests: write, as GitHub Docs' Dependabot auto-merge workflow grants", () => {
    // The run line of that workflow (../fixtures/github-token/workflows/github-docs-dependabot-automerge.yml).
    const [auto] = scriptNeeds('gh pr merge --auto --merge "$PR_URL"');
    expect(auto).toMatchObject({ kind: 'known', command: 'gh pr merge --auto' });
    expect(auto?.kind === 'known' ? auto.need : undefined).toEqual({
      all: [
        { scope: 'contents', level: 'write' },
        { scope: 'pull-requests', level: 'write' },
      ],
    });
    const [now] = scriptNeeds('gh pr merge "$PR_NUMBER" --repo "$REPO" --merge --delete-branch');
    expect(now?.kind === 'known' ? now.need : undefined).toEqual({ all: [{ scope: 'contents', level: 'write' }] });
  });
});
