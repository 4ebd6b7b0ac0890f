// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ ... }}` here is GitHub Actions expression syntax, not JS.
/**
 * What steps need of GitHub tokens: the table of actions against the permission lines of each action's README
 * (__tests__/fixtures/github-token/readmes/permissions.json, each with its repository and commit), the `gh`
 * commands and `gh api` routes against GitHub's "Permissions required for GitHub Apps"
 * (https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps), and which token a step uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_TABLE, actionRow, type Need, type RowNeed } from '../../src/workflows/github-token/actions-table.js';
import { routeNeed, scriptNeeds } from '../../src/workflows/github-token/gh-cli.js';
import { jobNeeds, type StepInput, secretsUsed, tokenRefOf } from '../../src/workflows/github-token/needs.js';

const READMES = JSON.parse(
  readFileSync(new URL('../fixtures/github-token/readmes/permissions.json', import.meta.url), 'utf8'),
) as { action: string; source: string; excerpt: string }[];

const scopesOf = (need: Need) => ('all' in need ? need.all : need.anyOf).map((n) => `${n.scope}: ${n.level}`);
const rowScopes = (n: RowNeed) => ('need' in n ? scopesOf(n.need) : [`unknown: ${n.unknown}`]);
const step = (s: Omit<StepInput, 'index'>, index = 0): StepInput => ({ index, ...s });

describe('the table of actions, against each README', () => {
  it.each(READMES.map((r) => [r.action, r] as const))(
    '%s: every need the table gives is in its README',
    (action, readme) => {
      const row = actionRow(`${action}@v1`);
      expect(row, action).toBeDefined();
      const inputs =
        action === 'aws-actions/configure-aws-credentials' ? { 'role-to-assume': 'arn:aws:iam::1:role/r' } : {};
      const needs = row?.needs(inputs).flatMap(rowScopes) ?? [];
      expect(needs.length).toBeGreaterThan(0);
      for (const need of needs) expect(readme.excerpt, `${action} (${readme.source})`).toContain(need);
    },
  );

  it('softprops/action-gh-release adds discussions: write with discussion_category_name, as its README says', () => {
    const row = actionRow('softprops/action-gh-release@v2');
    const needs = row?.needs({ discussion_category_name: 'Announcements' }).flatMap(rowScopes);
    expect(needs).toEqual(['contents: write', 'discussions: write']);
    expect(READMES.find((r) => r.action === 'softprops/action-gh-release')?.excerpt).toContain('discussions: write');
  });

  it('every row cites a page', () => {
    for (const row of ACTION_TABLE) expect(row.doc).toMatch(/^https:\/\/(github\.com|docs\.github\.com)\//);
  });

  it('configure-aws-credentials needs id-token only when it assumes a role through OIDC', () => {
    const row = actionRow('aws-actions/configure-aws-credentials@v6');
    expect(row?.needs({ 'role-to-assume': 'arn', 'aws-region': 'eu-west-1' })).toHaveLength(1);
    expect(row?.needs({ 'role-to-assume': 'arn', 'aws-access-key-id': 'x' })).toHaveLength(0);
    expect(row?.needs({ 'aws-region': 'eu-west-1' })).toHaveLength(0);
  });

  it("configure-aws-credentials: no id-token with role-chaining or a token file, unknown when they are expressions (its src/index.ts's useGitHubOIDCProvider)", () => {
    const row = actionRow('aws-actions/configure-aws-credentials@v4');
    const role = { 'role-to-assume': 'arn:aws:iam::123456789100:role/my-github-actions-role' };
    expect(row?.needs({ ...role, 'role-chaining': 'true' })).toEqual([]);
    expect(row?.needs({ ...role, 'web-identity-token-file': '/tmp/token' })).toEqual([]);
    expect(row?.needs({ ...role, 'force-skip-oidc': 'TRUE', 'aws-access-key-id': 'x' })).toEqual([]);
    expect(row?.needs({ ...role, 'role-chaining': 'false' }).flatMap(rowScopes)).toEqual(['id-token: write']);
    expect(row?.needs({ ...role, 'role-chaining': '${{ inputs.chain }}' }).flatMap(rowScopes)).toEqual([
      "unknown: whether it requests GitHub's OIDC token (`id-token: write`): `role-chaining` is `${{ inputs.chain }}`, not known before the run",
    ]);
    const unknown = jobNeeds([
      step({
        uses: 'aws-actions/configure-aws-credentials@v4',
        with: { ...role, 'role-chaining': '${{ inputs.chain }}' },
      }),
    ]);
    expect(unknown.known).toEqual([]);
    expect(unknown.unknown.map((u) => [u.what, u.token.kind])).toEqual([
      ['aws-actions/configure-aws-credentials', 'github-token'],
    ]);
  });
});

describe('setup and tool actions, from their action.yml (the commit each row cites)', () => {
  it('the steps of real jobs that use no scope of the job token need nothing and are not unknown', () => {
    // github.com/awslabs/mountpoint-s3 .github/workflows/integration.yml (58817cab2fc3020a422d8aa14049a86b296f4498)
    // and github.com/open-telemetry/opentelemetry-lambda .github/workflows/integration-test.yml
    // (c72580eb31f561c6cac4770cd274ea1e06e0b4b0), as in __tests__/fixtures/workflows.
    const steps = [
      step({
        uses: 'actions-rust-lang/setup-rust-toolchain@166cdcfd11aee3cb47222f9ddb555ce30ddb9659',
        with: { rustflags: '' },
      }),
      step({ uses: 'taiki-e/install-action@c93ccc03e00cd0e08e494f5fd058a6c55a6a1907', with: { tool: 'nextest' } }, 1),
      step({ uses: 'astral-sh/setup-uv@37802adc94f370d6bfd71619e3f0bf239e1f3b78' }, 2),
      step(
        {
          uses: 'actions/setup-java@b6effb05e454b25005698d916606bdc6ffcbf961',
          with: { distribution: 'corretto', 'java-version': '17' },
        },
        3,
      ),
      step(
        {
          uses: 'gradle/actions/setup-gradle@9c971963bec38e04b3d30dcc455b5382be2fdbfb',
          with: { 'cache-provider': 'basic' },
        },
        4,
      ),
      step({ uses: 'hashicorp/setup-terraform@v3', with: { terraform_version: '1.9.0' } }, 5),
      step({ uses: 'Swatinem/rust-cache@v2' }, 6),
    ];
    expect(jobNeeds(steps)).toEqual({ known: [], unknown: [] });
  });

  it("gradle/actions/setup-gradle submits the dependency graph with the job's token only when asked (contents: write)", () => {
    const row = actionRow('gradle/actions/setup-gradle@v6');
    expect(row?.needs({}).flatMap(rowScopes)).toEqual([]);
    expect(row?.needs({ 'dependency-graph': 'generate-and-upload' }).flatMap(rowScopes)).toEqual([]);
    expect(row?.needs({ 'dependency-graph': 'generate-and-submit' }).flatMap(rowScopes)).toEqual(['contents: write']);
    expect(row?.needs({ 'dependency-graph': 'download-and-submit' }).flatMap(rowScopes)).toEqual([
      'contents: write',
      'actions: read',
    ]);
    expect(row?.needs({ 'add-job-summary-as-pr-comment': 'always' }).flatMap(rowScopes)).toEqual([
      'issues: write',
      'pull-requests: write',
    ]);
    expect(row?.needs({ 'dependency-graph': '${{ inputs.graph }}' }).flatMap(rowScopes)).toEqual([
      'unknown: `dependency-graph` is `${{ inputs.graph }}`, not known before the run',
    ]);
    // Through the step's token: the job's by default, the one given otherwise.
    const { known } = jobNeeds([
      step({ uses: 'gradle/actions/setup-gradle@v6', with: { 'dependency-graph': 'generate-and-submit' } }),
    ]);
    expect(known.map((k) => [k.what, k.token.kind, scopesOf(k.need)])).toEqual([
      ['gradle/actions/setup-gradle', 'github-token', ['contents: write']],
    ]);
    // dependency-submission submits by default (its action.yml: `generate-submit-and-upload`).
    expect(actionRow('gradle/actions/dependency-submission@v6')?.needs({}).flatMap(rowScopes)).toEqual([
      'contents: write',
    ]);
  });

  it('astral-sh/setup-uv with a manifest-file sends the token to downloads it names: unknown', () => {
    const row = actionRow('astral-sh/setup-uv@v7');
    expect(row?.needs({ 'manifest-file': 'https://example.com/uv.ndjson' }).flatMap(rowScopes)).toHaveLength(1);
  });
});

describe('gh commands and REST routes (permissions required for GitHub Apps)', () => {
  it.each([
    ['gh release create v1.2.3 --draft', 'gh release create', ['contents: write']],
    ['gh release upload "$version" rg.tar.gz', 'gh release upload', ['contents: write']],
    ['gh pr comment 12 --body hi', 'gh pr comment', ['issues: write', 'pull-requests: write']],
    ['gh pr create --fill', 'gh pr create', ['pull-requests: write']],
    ['gh workflow run deploy.yml', 'gh workflow run', ['actions: write']],
    [
      'gh api repos/{owner}/{repo}/releases -f tag_name=v1',
      'gh api POST repos/{owner}/{repo}/releases',
      ['contents: write'],
    ],
    ['gh api -X POST /repos/acme/site/pages/builds', 'gh api POST /repos/acme/site/pages/builds', ['pages: write']],
    [
      'gh api --method POST repos/acme/site/deployments --input d.json',
      'gh api POST repos/acme/site/deployments',
      ['deployments: write'],
    ],
    ['gh api repos/acme/site/pulls/3', 'gh api GET repos/acme/site/pulls/3', ['pull-requests: read']],
    ['GH_TOKEN=x gh issue comment 4 -b ok', 'gh issue comment', ['issues: write', 'pull-requests: write']],
  ])('%s', (script, command, scopes) => {
    const [need] = scriptNeeds(script);
    expect(need).toMatchObject({ kind: 'known', command });
    expect(need?.kind === 'known' ? scopesOf(need.need) : []).toEqual(scopes);
  });

  it('a GraphQL call, an unknown route and an unknown command are unknown, not dropped', () => {
    const needs = scriptNeeds(
      'gh api graphql -f query=x\ngh api -X PUT repos/a/b/environments/prod\ngh codespace list',
    );
    expect(needs.map((n) => n.kind)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('reads commands joined by && and continued lines; ignores words that only mention gh', () => {
    const needs = scriptNeeds(
      'cd dist && gh release create \\\n  v1 a.zip\necho "gh pr merge is not run"\ngit push origin HEAD',
    );
    expect(needs.map((n) => n.command)).toEqual(['gh release create', 'git push']);
  });

  it('routes: a merge writes contents; an issue comment takes issues or pull-requests', () => {
    expect(routeNeed('PUT', 'repos/o/r/pulls/7/merge')).toEqual({ all: [{ scope: 'contents', level: 'write' }] });
    expect(routeNeed('post', '/repos/o/r/issues/7/comments')).toMatchObject({
      anyOf: [{ scope: 'issues' }, { scope: 'pull-requests' }],
    });
    expect(routeNeed('GET', 'user')).toBeUndefined();
  });
});

describe('which token a step uses', () => {
  it('reads github.token, secrets.GITHUB_TOKEN and secrets.X', () => {
    expect(tokenRefOf('${{ github.token }}')).toEqual({ kind: 'github-token' });
    expect(tokenRefOf('${{secrets.GITHUB_TOKEN}}')).toEqual({ kind: 'github-token' });
    expect(tokenRefOf('${{ secrets.RELEASE_PAT }}')).toEqual({ kind: 'secret', name: 'RELEASE_PAT' });
    expect(tokenRefOf('${{ steps.app.outputs.token }}')).toMatchObject({ kind: 'other' });
  });

  it('an action in the table defaults to the job token; a token input from a secret makes it that secret', () => {
    const { known } = jobNeeds([
      step({ uses: 'softprops/action-gh-release@v2' }, 0),
      step({ uses: 'peter-evans/create-pull-request@v7', with: { token: '${{ secrets.BOT_PAT }}' } }, 1),
    ]);
    expect(known.map((k) => [k.what, k.token])).toEqual([
      ['softprops/action-gh-release', { kind: 'github-token' }],
      ['peter-evans/create-pull-request', { kind: 'secret', name: 'BOT_PAT' }],
    ]);
  });

  it('git push uses what actions/checkout persisted; none when persist-credentials is false', () => {
    const persisted = jobNeeds([step({ uses: 'actions/checkout@v4' }, 0), step({ run: 'git push' }, 1)]);
    expect(persisted.known.map((k) => k.what)).toEqual(['actions/checkout', 'git push']);
    const none = jobNeeds([
      step({ uses: 'actions/checkout@v4', with: { 'persist-credentials': 'false' } }, 0),
      step({ run: 'git push' }, 1),
    ]);
    expect(none.known.map((k) => k.what)).toEqual(['actions/checkout']);
  });

  it('a ghcr.io login with the job token needs packages: write when the job pushes an image', () => {
    const login = step(
      { uses: 'docker/login-action@v3', with: { registry: 'ghcr.io', password: '${{ secrets.GITHUB_TOKEN }}' } },
      0,
    );
    expect(jobNeeds([login]).known.flatMap((k) => scopesOf(k.need))).toEqual(['packages: read']);
    const push = step({ uses: 'docker/build-push-action@v6', with: { push: 'true', context: '.' } }, 1);
    expect(jobNeeds([login, push]).known.flatMap((k) => scopesOf(k.need))).toEqual(['packages: write']);
    // Without a path `context:`, build-push-action fetches the repository for its Git context with the job's token
    // (its README, "Git context"): contents: read, which a public repository does not need.
    const git = step({ uses: 'docker/build-push-action@v6', with: { push: 'true' } }, 1);
    const needs = jobNeeds([login, git]).known;
    expect(needs.flatMap((k) => scopesOf(k.need))).toEqual(['packages: write', 'contents: read']);
    expect(needs[1]?.metOnPublic).toBe(true);
  });

  it('a docker build that pushes (buildx --push, --output type=registry / type=image,push=true) raises the ghcr.io login', () => {
    const login = step(
      { uses: 'docker/login-action@v3', with: { registry: 'ghcr.io', password: '${{ secrets.GITHUB_TOKEN }}' } },
      0,
    );
    // The build line of yagumyagum/node build.sh, with its image on ghcr.io.
    const scripts = [
      'docker buildx build --platform linux/amd64,linux/arm64 \\\n  -t ghcr.io/${{ github.repository }}:latest --push .',
      'docker build --push -t ghcr.io/acme/app:1 .',
      'docker buildx build -t ghcr.io/acme/app:1 --output type=registry .',
      'docker buildx build -t ghcr.io/acme/app:1 -o type=image,push=true .',
      'docker image push ghcr.io/acme/app:1',
    ];
    for (const run of scripts) {
      expect(
        jobNeeds([login, step({ run }, 1)]).known.flatMap((k) => scopesOf(k.need)),
        run,
      ).toEqual(['packages: write']);
    }
    const local = step({ run: 'docker buildx build -t ghcr.io/acme/app:1 --output type=docker .' }, 1);
    expect(jobNeeds([login, local]).known.flatMap((k) => scopesOf(k.need))).toEqual(['packages: read']);
  });

  it('an unknown action given the job token, github-script and a curl with GITHUB_TOKEN are listed as unknown', () => {
    const { unknown } = jobNeeds([
      step({ uses: 'someone/label-action@v1', with: { 'repo-token': '${{ github.token }}' } }, 0),
      step({ uses: 'actions/github-script@v7', with: { script: 'github.rest.issues.create({})' } }, 1),
      step(
        {
          run: 'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/x',
          env: { GITHUB_TOKEN: '${{ github.token }}' },
        },
        2,
      ),
      step({ uses: 'actions/setup-node@v4', with: { 'node-version': '24' } }, 3),
    ]);
    expect(unknown.map((u) => [u.step.index, u.what])).toEqual([
      [0, 'someone/label-action'],
      [1, 'actions/github-script'],
      [2, 'a script'],
    ]);
  });
});

describe('steps that request the OIDC token themselves (the workflow model marks them)', () => {
  it("need the job's id-token: write, through whatever token", () => {
    const script = step({
      run: 'curl -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL"',
      requestsIdToken: true,
    });
    const { known } = jobNeeds([script]);
    expect(known.map((k) => [k.what, k.of, scopesOf(k.need)])).toEqual([
      ['a script requesting the OIDC token', 'job', ['id-token: write']],
    ]);
  });
});

describe('secretsUsed', () => {
  it('lists each secret a token is taken from once, in called workflows too, and not the job token', () => {
    const pr = step({ uses: 'peter-evans/create-pull-request@v7', with: { token: '${{ secrets.BOT_PAT }}' } });
    const gh = step({ run: 'gh release create v1', env: { GH_TOKEN: '${{ secrets.RELEASE_PAT }}' } });
    const own = step({ uses: 'actions/checkout@v4' });
    expect(secretsUsed([{ steps: [pr, own] }, { steps: [], calls: { jobs: [{ steps: [gh, pr] }] } }])).toEqual([
      'BOT_PAT',
      'RELEASE_PAT',
    ]);
  });
});
