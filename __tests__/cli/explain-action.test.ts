/**
 * The action's `mode: explain` through run() in process (the runner's protocol, ../e2e/harness.ts), against a loopback
 * server that speaks GitHub's REST shape for a run attempt's jobs and a job's log: the jobs list
 * (https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt) and the log download,
 * a 302 to a short-lived URL (https://docs.github.com/en/rest/actions/workflow-jobs#download-job-logs-for-a-workflow-run).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../e2e/harness.js';
import { EXCERPTS } from '../fixtures/logs/excerpts.js';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { htmlTags, links, summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

const TOKEN = 'ghs_explainTestToken0123456789abcdefABCD';

/** A token a tool printed into the log, which the runner never knew to mask. */
const LEAKED = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvc2l0ZSJ9.c2lnbmF0dXJlLXBhcnQtbG9uZw';

/**
 * The deploy job's log as GitHub serves it: every real excerpt, each line with the runner's timestamp, CRLF; and a
 * debug line of a tool that printed the bearer token it sent.
 */
const LOG = [
  // A log line that would be a workflow command if it were printed as it is.
  '::warning title=forged::The requested DurationSeconds exceeds the MaxSessionDuration set for this role. ##[error]forged',
  '',
  '',
  '',
  '',
  '',
  ...EXCERPTS.flatMap((e) => [...e.log.split('\n'), '', '', '', '', '']),
  `request to https://api.example.com/v1/deploy?access_token=${LEAKED} failed with status code 401 (Authorization: Bearer ${LEAKED})`,
]
  .map(
    (line, i) =>
      `2024-05-01T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.1234567Z ${line}`,
  )
  .join('\r\n');

/**
 * A log whose only git push refusal (https://github.com/Vu1nT0tal/yarb/issues/17) is in the middle of a 40 KiB line, a
 * part explain does not read: the log shows no failure in what was read, and is not clean.
 */
const LONG_LINE_LOG = `Run ad-m/github-push-action@master\n${'x'.repeat(20_000)} remote: Permission to zzc8081/yarb.git denied to github-actions[bot]. ${'y'.repeat(20_000)}\nError: Invalid exit code: 128\n`;

/** The example site's CreateInvalidation refused by its region guardrail SCP (examples/site, the AWS CLI's wording). */
const SITE_SCP_DENIAL =
  'An error occurred (AccessDenied) when calling the CreateInvalidation operation: User: arn:aws:sts::111122223333:assumed-role/acme-site-deploy/site-deploy is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL with an explicit deny in a service control policy';

interface World {
  jobs: { id: number; name: string; status: string; conclusion: string | null }[];
  jobsStatus: number;
  requests: { path: string; auth: string | undefined }[];
}

let server: Server;
let base = '';
const world: World = { jobs: [], jobsStatus: 200, requests: [] };

/** What the server answers: a status, its headers and its body. */
function answer(url: URL): { status: number; headers: Record<string, string>; body: string } {
  const json = (status: number, body: unknown) => ({
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  });
  if (url.pathname === '/repos/acme/site/actions/runs/42/attempts/2/jobs') {
    if (world.jobsStatus !== 200) return json(world.jobsStatus, { message: 'Resource not accessible by integration' });
    return json(200, { total_count: world.jobs.length, jobs: world.jobs });
  }
  const logs = /^\/repos\/acme\/site\/actions\/jobs\/(\d+)\/logs$/.exec(url.pathname);
  if (logs) {
    const job = world.jobs.find((j) => String(j.id) === logs[1]);
    if (job?.status !== 'completed') return json(404, { message: 'Not Found' });
    return { status: 302, headers: { location: `${base}/download/job-${job.id}.txt?sig=short-lived` }, body: '' };
  }
  if (url.pathname === '/download/job-7.txt')
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: LOG };
  if (url.pathname === '/download/job-10.txt')
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: `${SITE_SCP_DENIAL}\n` };
  if (url.pathname === '/download/job-9.txt')
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: LONG_LINE_LOG };
  // A job whose log shows no 401 or 403.
  if (url.pathname === '/download/job-12.txt')
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Run npm test\nok 1 - builds\n' };
  // Jobs 21 to 26: five clean logs, and one past the bound whose log holds the denial.
  const many = /^\/download\/job-2([1-6])\.txt$/.exec(url.pathname);
  if (many) {
    const body = many[1] === '6' ? `${SITE_SCP_DENIAL}\n` : 'Run npm test\nok 1 - builds\n';
    return { status: 200, headers: { 'content-type': 'text/plain' }, body };
  }
  // Job 11's download URL serves nothing (expired, or the log is gone): the 404 comes after the API's redirect.
  return json(404, { message: 'Not Found' });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  world.requests.push({ path: `${url.pathname}${url.search}`, auth: req.headers.authorization });
  const { status, headers, body } = answer(url);
  res.writeHead(status, headers);
  res.end(body);
}

beforeAll(async () => {
  server = createServer(handle);
  base = await listenOnLoopback(server);
});
afterAll(async () => {
  await closeServer(server);
  removeTempDirs();
});
afterEach(() => {
  world.jobs = [];
  world.jobsStatus = 200;
  world.requests = [];
});

const ENV = () => ({
  GITHUB_API_URL: base,
  GITHUB_REPOSITORY: 'acme/site',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'explain',
});

describe('mode: explain', () => {
  it("explains the failed job's log in the summary, annotations and outputs, and passes", async () => {
    world.jobs = [
      { id: 7, name: 'deploy', status: 'completed', conclusion: 'failure' },
      { id: 8, name: 'explain', status: 'in_progress', conclusion: null },
    ];
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(run.status).toBe(0);
    expect(run.summary).toContain('## permission-preflight explain');
    expect(run.summary).toContain('in job &#34;deploy&#34; &#40;7&#41;');
    expect(run.summary).toContain('explicit-deny at Service control policies');
    expect(run.summary).toContain('trust-denied at STS role trust');
    expect(run.summary).toContain('github-token-scope-missing at GitHub token permissions');
    const found = Number(run.outputs.findings);
    expect(found).toBeGreaterThanOrEqual(15);
    expect(run.outputs.result).toBe('fail');
    expect(run.stdout).toContain('::error title=');
    // The API was asked with the token, and the redirect was followed to the download.
    expect(world.requests.map((r) => r.path.split('?')[0])).toEqual([
      '/repos/acme/site/actions/runs/42/attempts/2/jobs',
      '/repos/acme/site/actions/jobs/7/logs',
      '/download/job-7.txt',
    ]);
    expect(world.requests[0]?.auth).toMatch(new RegExp(`^(token|bearer) ${TOKEN}$`, 'i'));
    // The token is never printed: not in the log (but the command that masks it), the summary or the outputs.
    const logged = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    for (const text of [logged.join('\n'), run.stderr, run.summary, run.outputFile]) {
      expect(text).not.toContain(TOKEN);
      for (const part of LEAKED.split('.')) expect(text).not.toContain(part);
    }
    expect(run.summary).toContain('credential-rejected at Tokens');
    // The forged command is quoted, never run: no line of the step's output starts it, and no `##[` is left.
    expect(run.summary).toContain('forged');
    expect(run.stdout).toContain('forged');
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([]);
    expect(run.stdout).not.toContain('##[error]forged');
  });

  it('redacts a secret a job name carries (a matrix value), as a log line is', async () => {
    const secret = 'ghp_JOBNAMEabcdefghijklmnopqrstuvwxyz012';
    world.jobs = [{ id: 7, name: `deploy (${secret})`, status: 'completed', conclusion: 'failure' }];
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(run.summary).toContain('deploy');
    for (const text of [run.stdout, run.summary, run.outputFile]) expect(text).not.toContain(secret);
  });

  it('without a failed job, reads the job named by GITHUB_JOB, and says when its log is not downloadable yet', async () => {
    world.jobs = [{ id: 8, name: 'explain', status: 'in_progress', conclusion: null }];
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no job log could be read');
    expect(run.stdout).toContain('has not completed');
  });

  it('fails with what to grant when the token may not read the run (403)', async () => {
    world.jobsStatus = 403;
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('actions: read');
    expect(run.outputs.result).toBe('fail');
  });

  it('never passes a log it did not read in full: result fail, and the summary says what was not read', async () => {
    world.jobs = [{ id: 9, name: 'deploy', status: 'completed', conclusion: 'failure' }];
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(run.outputs.findings).toBe('0');
    expect(run.outputs.result).toBe('fail');
    expect(run.summary).toContain('No 401 or 403 found in the part read of');
    expect(run.summary).toContain('unverified&#58; line 2 is over 16 KiB and was read as its start and end only');
  });

  it("says a call the workspace's configuration already declares is declared, not to add it (examples/site)", async () => {
    world.jobs = [{ id: 10, name: 'deploy', status: 'completed', conclusion: 'failure' }];
    const site = path.resolve(import.meta.dirname, '../../examples/site');
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, { ...ENV(), GITHUB_WORKSPACE: site });
    expect(run.outputs.findings).toBe('1');
    expect(run.stdout).toContain('The configuration already declares it');
    expect(run.stdout).toContain('.github/preflight.yml:34:11');
    expect(run.stdout).not.toContain('To catch it before the deploy');
  });

  it('fails outside a workflow run', async () => {
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, { GITHUB_API_URL: base });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('not in a workflow run');
  });

  it('never passes a run with a failed job whose log could not be read: unverified, named in the headline, step failed', async () => {
    world.jobs = [
      { id: 12, name: 'build', status: 'completed', conclusion: 'failure' },
      { id: 11, name: 'deploy', status: 'completed', conclusion: 'failure' },
    ];
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(run.outputs).toMatchObject({ result: 'fail', findings: '0' });
    expect(run.status).toBe(1);
    const shown = summaryText(run.summary);
    expect(shown.indexOf('Unverified: 1 job log not explained')).toBeGreaterThanOrEqual(0);
    expect(shown.indexOf('Unverified')).toBeLessThan(shown.indexOf('No 401 or 403 found in job "build" (12)'));
    expect(shown).toContain('could not read the log of job "deploy" (11)');
    // The API accepted the token and redirected; the download's 404 is not a missing permission.
    expect(shown).toContain('the log download returned HTTP 404 after the API');
    expect(shown).not.toContain('actions: read');
    expect(run.stdout).toContain('::error::permission-preflight explain: Unverified: 1 job log not explained');
  });

  it('never leaves out a failed job past the bound of jobs explained: it is listed unread, and the step fails', async () => {
    world.jobs = [21, 22, 23, 24, 25, 26].map((id) => ({
      id,
      name: `job${id}`,
      status: 'completed',
      conclusion: id === 26 ? 'timed_out' : 'failure',
    }));
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(run.outputs).toMatchObject({ result: 'fail' });
    expect(run.status).toBe(1);
    const shown = summaryText(run.summary);
    expect(shown).toContain('Unverified: 1 job log not explained');
    expect(shown).toContain('job "job26" (26)');
    expect(shown).toContain('one step explains at most 5 jobs');
  });

  it("reports the unread log without failing the step when the configuration's mode is report", async () => {
    world.jobs = [
      { id: 12, name: 'build', status: 'completed', conclusion: 'failure' },
      { id: 11, name: 'deploy', status: 'completed', conclusion: 'failure' },
    ];
    const workspace = tempDir();
    mkdirSync(path.join(workspace, '.github'));
    writeFileSync(path.join(workspace, '.github/preflight.yml'), 'version: 1\nmode: report\n');
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, { ...ENV(), GITHUB_WORKSPACE: workspace });
    expect(run.status).toBe(0);
    expect(run.outputs.result).toBe('fail');
    expect(run.stdout).toContain("(mode 'report': the step is not failed)");
  });

  it('keeps a job name inert in the summary wherever it is written, and links the docs', async () => {
    const name = 'explain (<img/src=https://evil.example/x.png> **bold** [a](https://evil.example))';
    world.jobs = [
      { id: 13, name, status: 'in_progress', conclusion: null },
      { id: 10, name: 'explain (b)', status: 'completed', conclusion: 'success' },
    ];
    const run = await runAction({ mode: 'explain', 'github-token': TOKEN }, ENV());
    expect(summaryText(run.summary)).toContain(`could not read the log of job "${name}" (13)`);
    expect(htmlTags(run.summary).filter((t) => t !== 'br')).toEqual([]);
    expect(run.summary).not.toContain('**bold**');
    expect(links(run.summary).filter((l) => !l.startsWith('https://docs.aws.amazon.com/'))).toEqual([]);
    // The docs of the denial job 10 shows are a link, as in the preflight's summary.
    expect(run.summary).toContain('| Docs | [docs](https://docs.aws.amazon.com/');
    expect(run.summary).not.toContain('| Docs | https&#58;');
  });
});
