import { describe, expect, it } from 'vitest';
import { cleanLine, createLogScanner, diagnoseLog, MAX_LINE_CHARS } from '../../src/diagnose/index.js';
import { explainHeadline } from '../../src/report/explain.js';
import { EXCERPTS } from '../fixtures/logs/excerpts.js';

const classes = (log: string) => diagnoseLog(log).findings.map((f) => `${f.class}@${f.decisionPoint}`);

/** A real excerpt by its source. */
function excerpt(source: string): string {
  const found = EXCERPTS.find((e) => e.source === source);
  if (!found) throw new Error(`no excerpt from ${source}`);
  return found.log;
}

const SCP = excerpt('https://github.com/anomalyco/sst/issues/4256');
const GIT = excerpt('https://github.com/Vu1nT0tal/yarb/issues/17');

describe('explain: no false alarms', () => {
  it.each([
    ['a count next to 403', 'Found 0 errors, 403 files checked'],
    ['git progress', 'Resolving deltas: 100% (401/401), done.'],
    ['a URL holding 403', 'See https://github.com/aws-actions/configure-aws-credentials/issues/403 for details'],
    ['a URL path ending in 401 Unauthorized-looking text', 'GET https://example.com/docs/401/Unauthorized.html'],
    ['HTTP 200', 'HTTP/1.1 200 OK'],
    ['gh HTTP 200', '< HTTP 200 (https://api.github.com/repos/o/r)'],
    ['"denied" in prose', 'The request was denied by the reviewer, please try again later'],
    ['a file system permission error', 'sh: /: Permission denied'],
    ['a test name', 'ok 12 - returns 403 when the user is not an admin'],
    ['a version number', 'Downloading aws-sdk 2.1403.0 and http-errors 1.4.0'],
    ['status of a different code', 'request finished with status code 404'],
    ['a duration', 'Completed in 401ms, 403 ms for the second run'],
    // GitHub sends the header on every answer, a 200 among them (REST API troubleshooting, "Resource not accessible").
    [
      'the accepted-permissions header of a successful answer',
      "        'x-accepted-github-permissions': 'pull_requests=read',",
    ],
  ])('%s', (_name, line) => {
    expect(classes(line)).toEqual([]);
  });
});

describe('explain: the runner log format', () => {
  it('strips timestamps, ##[error] and ANSI colour before matching', () => {
    const raw = `2024-01-01T00:00:00.0000000Z ##[error]\u001b[31m${SCP}\u001b[0m`;
    expect(cleanLine(raw)).toBe(SCP);
    expect(classes(raw)).toEqual(['explicit-deny@scp']);
  });

  it("reads gh run view --log's lines: the job's and the step's names, then the runner's line", () => {
    const line = `deploy\tPush image\t2024-11-06T07:22:30.4732761Z ##[error]denied: denied`;
    expect(cleanLine(line)).toBe('denied: denied');
    expect(classes(line)).toEqual(['forbidden@token']);
  });

  it('reads CRLF and bare CR line ends as LF, with the same line numbers', () => {
    const lf = diagnoseLog(GIT).findings;
    const crlf = diagnoseLog(GIT.replace(/\n/g, '\r\n')).findings;
    expect(crlf).toEqual(lf);
    expect(lf[0]?.evidence.line).toBe(3);
    expect(lf[0]?.id).toBe('log:L3:github-token-scope-missing');
  });

  it('reads a line longer than the cap as its start and end, and says it was read in part', () => {
    const long = `${'x'.repeat(MAX_LINE_CHARS)} 403 Forbidden`;
    expect(cleanLine(long).length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(classes(long)).toEqual(['forbidden@token']);
    const middle = `${'x'.repeat(MAX_LINE_CHARS / 2)} 403 Forbidden ${'x'.repeat(MAX_LINE_CHARS / 2)}`;
    expect(classes(middle)).toEqual([]);
    expect(diagnoseLog(`ok\n${middle}\n${middle}`).cut).toBe(
      '2 lines over 16 KiB were read as their start and end only (the first is line 2)',
    );
  });

  it('quotes a line without control characters, cut to a bounded length', () => {
    const { findings } = diagnoseLog(`\u202e\u0007${SCP}${'y'.repeat(2000)}`);
    const text = String(findings[0]?.evidence.text);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that no control character is quoted.
    expect(text).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(text).toContain('\\u{202e}');
    expect(text.length).toBeLessThanOrEqual(401);
  });
});

describe('explain: secrets in a log line are never quoted', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2lnbmF0dXJlLXBhcnQtbG9uZw';
  it.each([
    ['a JWT', `curl -H 'Authorization: Bearer ${jwt}' https://api.example.com -> 401 Unauthorized`, jwt],
    [
      'a GitHub token',
      'fatal: https://ghs_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r: The requested URL returned error: 403',
      'ghs_abcdefghijklmnopqrstuvwxyz0123456789',
    ],
    [
      'an AWS key id',
      'AKIAIOSFODNN7EXAMPLE: The security token included in the request is invalid',
      'AKIAIOSFODNN7EXAMPLE',
    ],
    [
      'an npm token',
      'npm ERR! 403 npm_abcdefghijklmnopqrstuvwxyz0123456789 is not allowed',
      'npm_abcdefghijklmnopqrstuvwxyz0123456789',
    ],
    ['a URL query', 'GET https://x.example/v2/?token=s3cr3t-value-here HTTP 403', 's3cr3t-value-here'],
  ])('%s', (_name, line, secret) => {
    const { findings } = diagnoseLog(line);
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain(secret);
  });
});

describe('explain: many matches', () => {
  it('counts the same failure printed again instead of repeating it', () => {
    const line = excerpt('https://github.com/jakejarvis/s3-sync-action/issues/17');
    const log = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? line : `upload: file${i}.html`)).join('\n');
    const { findings, dropped } = diagnoseLog(log);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence.occurrences).toBe(30);
    expect(dropped).toBe(0);
  });

  it('folds a bare status into the failure above it only when the code is the same', () => {
    const denied = excerpt('https://github.com/jakejarvis/s3-sync-action/issues/17');
    expect(classes(`${denied}\n  x\n  status code: 403`)).toEqual(['access-denied@unknown-layer']);
    expect(classes(`${denied}\n  x\n  status code: 401`)).toEqual([
      'access-denied@unknown-layer',
      'credential-rejected@token',
    ]);
  });

  it('keeps at most the cap of distinct failures and says how many were dropped', () => {
    const lines = Array.from(
      { length: 12 },
      (_, i) =>
        `User: arn:aws:sts::111122223333:assumed-role/deploy/s is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::b${i}/k because no identity-based policy allows the s3:PutObject action\n\n\n\n\n\n`,
    );
    const { findings, dropped } = diagnoseLog(lines.join('\n'), 5);
    expect(findings).toHaveLength(5);
    expect(dropped).toBe(7);
  });

  it('streams: a scanner fed line by line finds what the whole text finds', () => {
    const all = EXCERPTS.map((e) => e.log).join('\n\n\n\n\n\n');
    const scanner = createLogScanner();
    for (const line of all.split('\n')) scanner.push(line);
    const streamed = scanner.finish();
    expect(streamed.findings).toEqual(diagnoseLog(all).findings);
    expect(streamed.lines).toBe(all.split('\n').length);
  });
});

describe('explain: the other documented forms', () => {
  it.each([
    [
      'STS expired token',
      'An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token expired: current date/time 1700000000 must be before the expiration date/time 1699999000',
      'token-expired@token',
    ],
    [
      'expired session mid-deploy',
      'An error occurred (ExpiredToken) when calling the PutObject operation: The security token included in the request is expired',
      'session-too-short@session',
    ],
    [
      'duration over MaxSessionDuration',
      'Error: Could not assume role with OIDC: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      'duration-too-long@session',
    ],
    [
      'session name pattern',
      "Error: 1 validation error detected: Value 'deploy/main' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      'invalid-session-name@session',
    ],
    [
      'IdP keys',
      "Error: Could not assume role with OIDC: Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      'idp-keys-unreachable@identity-provider',
    ],
    [
      'configure-aws-credentials without credentials',
      'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
      'missing-id-token-permission@runner',
    ],
    ['gh 401', 'HTTP 401: Bad credentials (https://api.github.com/graphql)', 'credential-rejected@github-token'],
    ['npm E401', 'npm error code E401', 'credential-rejected@token'],
    [
      'docker login',
      'Error response from daemon: Get "https://registry.example.com/v2/": unauthorized: authentication required',
      'credential-rejected@token',
    ],
    ['curl', 'curl: (22) The requested URL returned error: 403', 'forbidden@token'],
    [
      'Java SDK status code',
      'com.amazonaws.services.s3.model.AmazonS3Exception: Forbidden (Service: Amazon S3; Status Code: 403; Error Code: 403 Forbidden)',
      'forbidden@token',
    ],
    [
      'chained role',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deploy',
      'chained-trust-denied@sts-trust',
    ],
    [
      'permissions boundary',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::site/index.html because no permissions boundary allows the s3:PutObject action',
      'implicit-deny@permissions-boundary',
    ],
    [
      'session policy',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::site/index.html because no session policy allows the s3:PutObject action',
      'implicit-deny@session-policy',
    ],
    [
      'resource-based explicit',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::site/index.html" with an explicit deny in a resource-based policy',
      'explicit-deny@resource-policy',
    ],
    [
      'explicit deny in a permissions boundary',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/x with an explicit deny in a permissions boundary',
      'explicit-deny@permissions-boundary',
    ],
    [
      'explicit deny in a session policy',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:DeleteObject on resource: arn:aws:s3:::site/a with an explicit deny in a session policy',
      'explicit-deny@session-policy',
    ],
    [
      'explicit deny in an identity-based policy',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::site/a with an explicit deny in an identity-based policy',
      'explicit-deny@identity-policy',
    ],
    [
      'no resource-based policy allows',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: lambda:GetLayerVersion on resource: arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:55 because no resource-based policy allows the lambda:GetLayerVersion action',
      'implicit-deny@resource-policy',
    ],
    [
      'no service control policy allows',
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:111122223333:instance/* because no service control policy allows the ec2:RunInstances action',
      'implicit-deny@scp',
    ],
    ['a bare AccessDeniedException', 'AccessDeniedException: Access denied', 'access-denied@unknown-layer'],
    ['HTTP status line of a 403', 'HTTP/2 403 ', 'forbidden@token'],
    ['http error 401', 'ERROR: http error 401 while fetching the index', 'credential-rejected@token'],
    ['status 403', 'request failed: status 403', 'forbidden@token'],
    ['docker push without a login', 'no basic auth credentials', 'credential-rejected@token'],
    ["Octokit's 401", 'HttpError: Bad credentials', 'credential-rejected@github-token'],
    [
      'ghcr push without packages: write',
      'denied: installation not allowed to Write organization package',
      'github-token-scope-missing@github-token',
    ],
    [
      'ghcr push, the package not shared with the repository',
      'denied: permission_denied: write_package',
      'github-token-scope-missing@github-token',
    ],
    [
      "GitHub's 401 body",
      '{"message":"Requires authentication","documentation_url":"https://docs.github.com/rest"}',
      'credential-rejected@github-token',
    ],
    [
      'SAML SSO',
      'HttpError: Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
      'forbidden@github-token',
    ],
    [
      'an expired session on a later call (ExpiredTokenException is not only the web identity token)',
      'An error occurred (ExpiredTokenException) when calling the GetCallerIdentity operation: The security token included in the request is expired',
      'session-too-short@session',
    ],
    [
      'the web identity token expired (its error code on AssumeRoleWithWebIdentity)',
      'An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token has expired',
      'token-expired@token',
    ],
  ])('%s', (_name, line, expected) => {
    expect(classes(line)).toEqual([expected]);
  });

  it('counts a VPC endpoint policy as a network rule that changed', () => {
    const f = diagnoseLog(
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in a VPC endpoint policy',
    ).findings[0];
    expect([f?.class, f?.decisionPoint, f?.cause]).toEqual([
      'explicit-deny',
      'resource-policy',
      'changed-trust-or-network-rule',
    ]);
  });

  it('names the deciding SCP when the message gives its ARN', () => {
    const line =
      'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::111122223333:distribution/E1 with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-abc/service_control_policy/p-123';
    const f = diagnoseLog(line).findings[0];
    expect(f?.evidence.policy).toBe('arn:aws:organizations::999988887777:policy/o-abc/service_control_policy/p-123');
    expect(f?.message).toContain('p-123');
  });

  // An Allow never overrides an explicit Deny (IAM's policy evaluation logic): the fix speaks of the Deny only.
  it.each([
    ['an identity-based policy', "the caller's identity-based policies"],
    ['a permissions boundary', "the caller's permissions boundary"],
    ['a session policy', 'the session policy the deploy passes'],
    ['a service control policy', 'a service control policy above the account'],
    ['a resource control policy', "a resource control policy on the resource's account"],
    ['a resource-based policy', "the resource's own policy"],
    ['a VPC endpoint policy', "the VPC endpoint's policy"],
  ])('the fix of an explicit deny in %s narrows the Deny and adds no Allow', (layer, where) => {
    const line = `User: arn:aws:iam::638117407428:user/s3 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::cli-dataflow/prod/x.json" with an explicit deny in ${layer}`;
    const fix = diagnoseLog(line).findings[0]?.fix ?? '';
    expect(fix).toContain(`Find the Deny statement in ${where}`);
    expect(fix).toContain('never overrides an explicit Deny');
    expect(fix).not.toMatch(/\badd an Allow|\ballow it in|\bAllow for it|as well/i);
  });

  it('the fix of an explicit deny that names no layer looks for the Deny, not a missing Allow', () => {
    const fix =
      diagnoseLog(
        'User: arn:aws:sts::111122223333:assumed-role/ci/gh is not authorized to perform: s3:PutObject with an explicit deny',
      ).findings[0]?.fix ?? '';
    expect(fix).toContain('Find the Deny statement that matches s3:PutObject');
  });

  describe("AWS's XML error body over several lines", () => {
    const body = [
      '<Error>',
      '  <Code>AccessDenied</Code>',
      '  <Message>',
      '    User: arn:aws:iam::111122223333:user/ci is not authorized to perform: s3:PutObject on resource:',
      '    "arn:aws:s3:::site/index.html"',
      '    with an explicit deny in an identity-based policy',
      '  </Message>',
      '  <RequestId>031AK89J6AXZ7T60</RequestId>',
      '</Error>',
    ];

    it('is one failure with its action, resource and layer, at its <Error> line', () => {
      const { findings } = diagnoseLog(['upload starts', ...body].join('\n'));
      expect(findings.map((f) => [f.class, f.decisionPoint, f.evidence.line])).toEqual([
        ['explicit-deny', 'identity-policy', 2],
      ]);
      expect(findings[0]?.evidence.permission).toBe('s3:PutObject arn:aws:s3:::site/index.html');
    });

    it('takes the place of the HTTP status line of the AWS host above it', () => {
      const { findings } = diagnoseLog(
        ['Request to https://site.s3.amazonaws.com/ failed with status code 403', ...body].join('\n'),
      );
      expect(findings.map((f) => [f.class, f.decisionPoint, f.evidence.line])).toEqual([
        ['explicit-deny', 'identity-policy', 1],
      ]);
    });

    it("does not take the place of another host's status line", () => {
      const { findings } = diagnoseLog(
        ['Request to https://registry.example.com/ failed with status code 403', ...body].join('\n'),
      );
      expect(findings.map((f) => f.class)).toEqual(['forbidden', 'explicit-deny']);
    });

    // S3 begins its error body with the XML declaration (the example in ErrorResponses.html#RESTErrorResponses).
    const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
    const STATUS = 'Request to https://site.s3.amazonaws.com/ failed with status code 403';

    it.each([
      ['the XML declaration', [STATUS, DECLARATION, ...body]],
      ['the XML declaration and blank lines', [STATUS, '', DECLARATION, '', ...body]],
      ['nothing (a one-line body after its XML declaration)', [STATUS, `${DECLARATION}${body.join('')}`]],
    ])('takes the place of the AWS status line with %s between them', (_name, log) => {
      const { findings } = diagnoseLog(log.join('\n'));
      expect(findings.map((f) => [f.class, f.evidence.line])).toEqual([['explicit-deny', 1]]);
    });

    // curl -v prints the response's status line and headers with `< ` (https://curl.se/docs/manpage.html#-v); S3 answers
    // with its x-amz-request-id and x-amz-id-2 headers (RESTCommonResponseHeaders.html).
    const curl = (request: readonly string[], headers: readonly string[]) => [
      '##[group]Run curl -v -X PUT --upload-file index.html "$PRESIGNED"',
      ...request,
      '< HTTP/1.1 403 Forbidden',
      ...headers,
      '<',
      DECLARATION,
      ...body,
    ];

    it.each([
      ['its x-amz-request-id header', [], ['< x-amz-request-id: 4442587FB7D0A2F9', '< Content-Type: application/xml']],
      ['its x-amz-id-2 header', [], ['< x-amz-id-2: abc=']],
      ["the request's Host header", ['> PUT /index.html HTTP/1.1', '> Host: site.s3.eu-west-1.amazonaws.com', '>'], []],
    ])("takes the place of curl -v's status line tied to AWS by %s", (_name, request, headers) => {
      const { findings } = diagnoseLog(curl(request, headers).join('\n'));
      expect(findings.map((f) => [f.class, f.evidence.line])).toEqual([['explicit-deny', 2 + request.length]]);
    });

    it("keeps curl -v's status line apart when nothing ties it to AWS, or another line stands between", () => {
      const other = curl(['> Host: registry.example.com'], ['< Content-Type: application/xml']);
      expect(diagnoseLog(other.join('\n')).findings.map((f) => f.class)).toEqual(['forbidden', 'explicit-deny']);
      const apart = [STATUS, 'upload: retrying in 2s', DECLARATION, ...body];
      expect(diagnoseLog(apart.join('\n')).findings.map((f) => f.class)).toEqual(['forbidden', 'explicit-deny']);
      const acrossStep = [STATUS, '##[group]Run aws s3 cp x s3://site/', DECLARATION, ...body];
      expect(diagnoseLog(acrossStep.join('\n')).findings.map((f) => f.class)).toEqual(['forbidden', 'explicit-deny']);
      // The Host header of an earlier step does not tie this one's status line.
      const earlier = [
        '##[group]Run curl -v https://site.s3.amazonaws.com/a',
        '> Host: site.s3.amazonaws.com',
        ...curl([], []),
      ];
      expect(diagnoseLog(earlier.join('\n')).findings.map((f) => f.class)).toEqual(['forbidden', 'explicit-deny']);
    });

    it('is counted once more when printed again', () => {
      const { findings } = diagnoseLog([...body, 'retrying', ...body].join('\n'));
      expect(findings.map((f) => [f.class, f.evidence.occurrences])).toEqual([['explicit-deny', 2]]);
    });

    it('an <Error> that never closes does not swallow the lines after it', () => {
      const filler = Array.from({ length: 40 }, (_, i) => `building module ${i}`);
      const log = [
        '<Error>',
        '  <Code>AccessDenied</Code>',
        ...filler,
        'npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/x',
      ];
      expect(classes(log.join('\n'))).toEqual(['access-denied@unknown-layer', 'forbidden@token']);
    });

    it("an <Error> that never closes ends at the next step's header", () => {
      const log = [
        '<Error>',
        '##[group]Run curl https://a.example.com',
        'curl: (22) The requested URL returned error: 401',
      ];
      const { findings } = diagnoseLog(log.join('\n'));
      expect(findings.map((f) => [f.class, f.evidence.line])).toEqual([['credential-rejected', 3]]);
    });

    it('an <Error> left open at the end of the log is read line by line', () => {
      expect(classes(['<Error>', '  <Code>AccessDenied</Code>'].join('\n'))).toEqual(['access-denied@unknown-layer']);
    });
  });

  it("names the permissions GitHub accepts in the fix, from the header of the refusal's dump", () => {
    const { findings } = diagnoseLog(
      [
        'RequestError [HttpError]: Resource not accessible by integration',
        ...Array.from({ length: 20 }, (_, i) => `      header-${i}: 'x',`),
        "      'x-accepted-github-permissions': 'issues=write; pull_requests=write',",
      ].join('\n'),
    );
    expect(findings).toHaveLength(1);
    // `;` separates alternatives: either permission suffices, never both are asked for.
    expect(findings[0]?.fix).toContain(
      "Grant one of these in the job's `permissions:` (any one suffices): issues: write, or pull-requests: write",
    );
    expect(findings[0]?.evidence.line).toBe(1);
  });

  it("reads the header's `,` as permissions needed together and `;` as alternatives (GitHub's changelog, 2023-08-10)", () => {
    // https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
    const { findings } = diagnoseLog(
      'x-accepted-github-permissions: contents=read,metadata=read; pull_requests=write\nHttpError: Resource not accessible by integration',
    );
    expect(findings.map((f) => f.evidence.accepted)).toEqual([
      'contents: read and metadata: read, or pull-requests: write',
    ]);
  });

  it('takes the header printed before the refusal too', () => {
    const { findings } = diagnoseLog(
      'x-accepted-github-permissions: contents=write\n{"message":"Resource not accessible by integration"}',
    );
    expect(findings.map((f) => f.evidence.accepted)).toEqual(['contents: write']);
  });
});

describe('explain: only the same failure is folded', () => {
  // https://github.com/ministryofjustice/cloud-platform/issues/7245 and
  // https://github.com/aws-actions/amazon-ecr-login/issues/232 (account ids replaced by digits), on adjacent lines.
  const ecr = excerpt('https://github.com/ministryofjustice/cloud-platform/issues/7245');
  // https://github.com/department-of-veterans-affairs/content-build/pull/1958 and
  // https://github.com/chanzuckerberg/napari-hub/issues/1166, on adjacent lines.
  const expired = excerpt('https://github.com/department-of-veterans-affairs/content-build/pull/1958');

  it('keeps two denials of different roles, resources and layers on adjacent lines apart', () => {
    const { findings } = diagnoseLog(ecr);
    expect(
      findings.map((f) => [f.decisionPoint, f.evidence.role, f.evidence.resource, f.evidence.occurrences]),
    ).toEqual([
      [
        'identity-policy',
        'arn:aws:iam::754256621582:role/cloud-platform-ecr-e344de1fe05708ec-github',
        'arn:aws:ecr:eu-west-2:754256621582:repository/laa-pcuam/csv-converter',
        undefined,
      ],
      [
        'resource-policy',
        'arn:aws:iam::111111111111:role/cp-sw-actions-runner',
        'arn:aws:ecr:us-west-2:222222222222:repository/runner-test',
        undefined,
      ],
    ]);
  });

  it('keeps an S3 and an ECR expiry on adjacent lines apart, each with its operation', () => {
    const { findings } = diagnoseLog(expired);
    expect(findings.map((f) => [f.class, f.evidence.operation, f.evidence.occurrences])).toEqual([
      ['session-too-short', 'PutObject', undefined],
      ['session-too-short', 'ECR BatchGetImage', undefined],
    ]);
  });

  it('still folds the same denial printed again right below, and a line that names less of it', () => {
    const [first] = ecr.split('\n');
    expect(diagnoseLog(`${first}\n${first}`).findings.map((f) => f.evidence.occurrences)).toEqual([2]);
    const git = 'remote: Permission to acme/app.git denied to github-actions[bot].';
    expect(diagnoseLog(`${git}\nfatal: unable to access: The requested URL returned error: 403`).findings).toHaveLength(
      1,
    );
  });
});

describe('explain: the status each service answers', () => {
  const expired = excerpt('https://github.com/department-of-veterans-affairs/content-build/pull/1958');

  it("labels S3's ExpiredToken and an ExpiredTokenException printed with StatusCode: 400 as 400, not 403", () => {
    expect(diagnoseLog(expired).findings.map((f) => f.wouldReturn)).toEqual([400, 400]);
  });

  it('claims no status for an expiry whose service and line name none', () => {
    const { findings } = diagnoseLog(
      'An error occurred: ExpiredTokenException: The security token included in the request is expired',
    );
    expect(findings[0]?.class).toBe('session-too-short');
    expect(findings[0]?.wouldReturn).toBeUndefined();
  });

  it("links STS's list of its errors for InvalidClientTokenId, not the HTTP 401 section", () => {
    const { findings } = diagnoseLog(
      'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
    );
    expect(findings[0]).toMatchObject({ class: 'credential-rejected', wouldReturn: 403 });
    expect(findings[0]?.docUrl).toBe('https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html');
  });
});

describe("explain: Google Cloud's and Microsoft Entra's refusals, and fail closed", () => {
  it("reads google-github-actions/auth's 403 as the pool's principal lacking roles/iam.workloadIdentityUser", () => {
    const { findings } = diagnoseLog(excerpt('https://github.com/opentdf/platform/issues/2781'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      class: 'gcp-permission-denied',
      decisionPoint: 'identity-provider',
      wouldReturn: 403,
      docUrl: 'https://cloud.google.com/iam/docs/troubleshooting-workload-identity-federation',
    });
    expect(findings[0]?.fix).toContain('roles/iam.workloadIdentityUser');
    expect(findings[0]?.evidence.needs).toBe('iam.serviceAccounts.getAccessToken');
  });

  it('names another permission Google Cloud refused, at the identity policies', () => {
    const { findings } = diagnoseLog(
      "ERROR: (gcloud.storage.cp) HTTPError 403: Permission 'storage.objects.create' denied on resource (or it may not exist).",
    );
    expect(findings[0]).toMatchObject({ class: 'gcp-permission-denied', decisionPoint: 'identity-policy' });
    expect(findings[0]?.fix).toContain('storage.objects.create');
  });

  it("reads Entra's AADSTS700213 with the subject it could not match", () => {
    const { findings } = diagnoseLog(excerpt('https://github.com/Azure/login/issues/453'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ class: 'federated-credential-mismatch', decisionPoint: 'identity-provider' });
    expect(findings[0]?.evidence.subject).toBe(
      'repo:RMI-PACTA/workflow.transition.monitor:ref:refs/heads/update-scenario-es',
    );
    expect(findings[0]?.fix).toMatch(/issuer.*audience.*subject/);
  });

  it.each([
    [
      'AADSTS70021',
      "AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://oidc.prod-aks.azure.com/X/'. Assertion Subject: 'system:serviceaccount:default:sa'.",
    ],
    [
      'AADSTS700016',
      "AADSTS700016: Application with identifier '00000000-0000-0000-0000-000000000000' was not found in the directory 'Contoso'.",
    ],
  ])('reads %s as the identity provider refusing the federation', (_code, line) => {
    expect(classes(line)).toEqual(['federated-credential-mismatch@identity-provider']);
  });

  it.each([
    ['another AADSTS code', 'Error: AADSTS7000215: Invalid client secret provided.'],
    ['a gRPC UNAUTHENTICATED', '  "status": "UNAUTHENTICATED",'],
    [
      'an OAuth invalid_grant',
      '{"error":"invalid_grant","error_description":"The audience in ID Token does not match."}',
    ],
  ])('never says the log is clean when it shows %s', (_name, line) => {
    expect(classes(line)).toEqual(['auth-error-unrecognised@token']);
  });
});

describe('explain: different failures are never merged, and one dump counts once', () => {
  const classesLines = (log: string) =>
    diagnoseLog(log).findings.map((f) => [f.class, f.evidence.line, f.evidence.occurrences ?? 1]);

  it('keeps two npm 403s of two registries apart (weave-gitops#3124 then semantic-release#3186)', () => {
    // https://github.com/weaveworks/weave-gitops/issues/3124 and https://github.com/semantic-release/semantic-release/issues/3186
    const log = [
      'npm notice Publishing to https://npm.pkg.github.com',
      'npm ERR! code E403',
      'npm ERR! 403 403 Forbidden - PUT https://npm.pkg.github.com/@weaveworks%2fweave-gitops-main - Permission installation not allowed to Write organization package',
      'npm ERR! 403 In most cases, you or one of your dependencies are requesting',
      'npm ERR! 403 a package version that is forbidden by your security policy, or',
      'npm ERR! 403 on a server you do not have access to.',
      'npm notice Publishing to https://registry.npmjs.org/ with tag feature/core-logic and default access',
      'npm ERR! code E403',
      'npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/react-susflow - You may not perform that action with these credentials.',
      'npm ERR! 403 In most cases, you or one of your dependencies are requesting',
    ].join('\n');
    expect(classesLines(log)).toEqual([
      ['forbidden', 3, 1],
      ['forbidden', 9, 1],
    ]);
  });

  it('keeps two buckets apart, and counts a sync refused on every file of one bucket (jakejarvis/s3-sync-action#17)', () => {
    const upload = (file: string, bucket: string) =>
      `upload failed: ${file} to s3://${bucket}/${file} An error occurred (AccessDenied) when calling the PutObject operation: Access Denied`;
    expect(classesLines(`${upload('index.html', 'site-bucket')}\n${upload('a.txt', 'audit-bucket')}`)).toEqual([
      ['access-denied', 1, 1],
      ['access-denied', 2, 1],
    ]);
    expect(classesLines(`${upload('index.html', '***')}\n${upload('feed.xml', '***')}`)).toEqual([
      ['access-denied', 1, 2],
    ]);
  });

  it('keeps InvalidClientTokenId and SignatureDoesNotMatch apart (the AWS CLI messages, STS common errors)', () => {
    const log = [
      'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
      'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided.',
    ].join('\n');
    expect(classesLines(log)).toEqual([
      ['credential-rejected', 1, 1],
      ['credential-rejected', 2, 1],
    ]);
  });

  it("keeps a curl 401 apart from GitHub's 401 above it, and a Docker Hub denial apart from an ECR expiry", () => {
    expect(
      classesLines('Error: HttpError: Requires authentication\ncurl: (22) The requested URL returned error: 401'),
    ).toEqual([
      ['credential-rejected', 1, 1],
      ['credential-rejected', 2, 1],
    ]);
    // docker/build-push-action threads: an ECR token that expired mid-push, then Docker Hub's refusal.
    expect(
      classesLines(
        'denied: Your authorization token has expired. Reauthenticate and try again.\nError: x\ndenied: requested access to the resource is denied',
      ).map(([, line]) => line),
    ).toEqual([1, 3]);
  });

  it("counts one Octokit dump once (Bashamega/WebDevTools#163's github-script error)", () => {
    // https://github.com/Bashamega/WebDevTools/issues/163
    const log = [
      'RequestError [HttpError]: Resource not accessible by integration',
      'Error: Unhandled error: HttpError: Resource not accessible by integration',
      '    at /home/runner/work/_actions/actions/github-script/v7/dist/index.js:9537:21',
      '  status: 403,',
      '  response: {',
      "    url: 'https://api.github.com/repos/Bashamega/WebDevTools/issues/162/comments',",
      '    status: 403,',
    ].join('\n');
    expect(classesLines(log)).toEqual([['github-token-scope-missing', 1, 1]]);
  });
});

describe('explain: expired and invalid AWS credentials (46-misc: docker/build-push-action threads, the AWS CLI)', () => {
  it("reads EC2's AuthFailure as a credential not valid, 401", () => {
    const { findings } = diagnoseLog(
      'An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials',
    );
    expect(findings.map((f) => [f.class, f.decisionPoint, f.wouldReturn, f.cause])).toEqual([
      ['credential-rejected', 'token', 401, 'expired-or-rotated-credential'],
    ]);
  });

  it("reads ECR's expired authorization token as an expired credential: log in again, not an entitlement", () => {
    const { findings } = diagnoseLog('denied: Your authorization token has expired. Reauthenticate and try again.');
    expect(findings.map((f) => [f.class, f.cause])).toEqual([['credential-rejected', 'expired-or-rotated-credential']]);
    expect(findings[0]?.fix).toContain('Log in to ECR again');
    expect(findings[0]?.fix).not.toContain('account access');
  });
});

describe('explain: a git push refusal inside a JSON string', () => {
  it('reads it as the missing contents: write (gautamkrishnar/keepalive-workflow#16)', () => {
    // https://github.com/gautamkrishnar/keepalive-workflow/issues/16
    const line = String.raw`Error: {"command":"git push origin HEAD","exitCode":128,"outputData":"","errorData":"remote: Permission to ReubenBTalbott/docker-imap-backup.git denied to github-actions[bot].\nfatal: unable to access 'https://github.com/ReubenBTalbott/docker-imap-backup.git/': The requested URL returned error: 403\n"}`;
    const { findings } = diagnoseLog(line);
    expect(findings.map((f) => [f.class, f.evidence.repository, f.evidence.pusher])).toEqual([
      ['github-token-scope-missing', 'ReubenBTalbott/docker-imap-backup.git', 'github-actions[bot]'],
    ]);
  });
});

describe("explain: the status each service answers, as AWS's docs give it", () => {
  it('shows a denial whose line prints Status Code: 400 as 400 (cattle-ops/terraform-aws-gitlab-runner#1253)', () => {
    // https://github.com/cattle-ops/terraform-aws-gitlab-runner/pull/1253, unwrapped, with example ARNs.
    const { findings } = diagnoseLog(
      "Calling the invoke API action failed with this message: Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings. KMS Exception: AccessDeniedExceptionKMS Message: User: arn:aws:sts::111122223333:assumed-role/runner-terminate/fn is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:Decrypt action (Service: Kms, Status Code: 400, Request ID: 5f642215-959a-11e8-bfd1-81a81941d54a)",
    );
    expect(findings.map((f) => [f.class, f.wouldReturn])).toEqual([['implicit-deny', 400]]);
  });

  it("gives a CloudFormation ExpiredToken the common errors' 403, and S3's its 400", () => {
    const { findings } = diagnoseLog(
      [
        'An error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.',
        'An error occurred (ExpiredToken) when calling the DescribeStacks operation: The security token included in the request is expired',
      ].join('\n'),
    );
    expect(findings.map((f) => [f.class, f.wouldReturn])).toEqual([
      ['session-too-short', 400],
      ['session-too-short', 403],
    ]);
  });

  it("gives STS's InvalidIdentityToken errors their 400 (awslabs/amazon-eks-irsa-cfn#18)", () => {
    // https://github.com/awslabs/amazon-eks-irsa-cfn/pull/18
    const { findings, lines, dropped } = diagnoseLog(
      'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience',
    );
    expect(findings.map((f) => [f.class, f.wouldReturn])).toEqual([['wrong-audience', 400]]);
    expect(explainHeadline({ source: 'job.log', lines, findings, dropped })).toBe(
      '1 failure that would end in 400 in job.log (1 line read)',
    );
  });
});

describe('explain: the permission line of an aws s3 upload refused', () => {
  it('names s3:PutObject on the object (jakejarvis/s3-sync-action#17, the bucket named instead of masked)', () => {
    // https://github.com/jakejarvis/s3-sync-action/issues/17: the runner masked the bucket (`***`); named here.
    const upload = (file: string) =>
      `upload failed: _site/${file} to s3://example-site-bucket/deploy_test/${file} An error occurred (AccessDenied) when calling the PutObject operation: Access Denied`;
    const { findings } = diagnoseLog(`${upload('index.html')}\n${upload('feed.xml')}`);
    expect(findings.map((f) => [f.evidence.permission, f.evidence.occurrences])).toEqual([
      ['s3:PutObject arn:aws:s3:::example-site-bucket/deploy_test/index.html', 2],
    ]);
    // A bucket the runner masked is no name: no permission line.
    expect(diagnoseLog(upload('x').replace('example-site-bucket', '***')).findings[0]?.evidence.permission).toBe(
      undefined,
    );
  });
});

describe('explain: a plain 403 joins a finding only as a line of its dump', () => {
  const fatal =
    "fatal: unable to access 'https://github.com/ReubenBTalbott/docker-imap-backup.git/': The requested URL returned error: 403";
  const curl = 'curl: (22) The requested URL returned error: 403';
  const lines = (log: string) =>
    diagnoseLog(log).findings.map((f) => [f.class, f.decisionPoint, f.evidence.line, f.evidence.occurrences ?? 1]);

  it.each([
    [
      "Helm's 403 below the ECR login's expiry (causify-ai/helpers#20, akuity/kargo#778)",
      // https://github.com/causify-ai/helpers/issues/20, then https://github.com/akuity/kargo/pull/778
      "Error response from daemon: pull access denied for 623860924167.dkr.ecr.eu-north-1.amazonaws.com/helpers, repository does not exist or may require 'docker login': denied: Your authorization token has expired. Reauthenticate and try again.",
      'Error: INSTALLATION FAILED: failed to authorize: failed to fetch oauth token: unexpected status: 403 Forbidden',
      [
        ['credential-rejected', 'token', 1, 1],
        ['forbidden', 'token', 2, 1],
      ],
    ],
    [
      'an Octokit refusal below a ghcr.io 403 of another tool (apple/container#183, marvinpinto/actions#340)',
      // https://github.com/apple/container/issues/183, then https://github.com/marvinpinto/actions/issues/340
      'Error: unknown: "HTTP request to https://ghcr.io/token?client_id=containerization-registry-client&service=ghcr.io&scope=repository:user/image:pull failed with response: 403 Forbidden"',
      '  Error: Resource not accessible by integration',
      [
        ['forbidden', 'github-token', 1, 1],
        ['github-token-scope-missing', 'github-token', 2, 1],
      ],
    ],
  ])('keeps apart %s', (_name, first, second, expected) => {
    expect(lines(`${first}\n${second}`)).toEqual(expected);
  });

  it("keeps git's 403 of GitHub apart from a curl 403 above it (reviewdog/action-actionlint#83, gautamkrishnar/keepalive-workflow#16)", () => {
    // https://github.com/reviewdog/action-actionlint/issues/83 (the step and curl's line), then git's line of
    // https://github.com/gautamkrishnar/keepalive-workflow/issues/16.
    const log = ['Run $GITHUB_ACTION_PATH/script.sh', '  Looking up the latest tflint version ...', `  ${curl}`, fatal];
    expect(lines(log.join('\n'))).toEqual([
      ['forbidden', 'token', 3, 1],
      ['forbidden', 'github-token', 4, 1],
    ]);
  });

  it('keeps the 403s of two steps apart, each with its target (bats-core/bats-action#14, github/gh-net#16)', () => {
    // https://github.com/bats-core/bats-action/pull/14 (curl's step), https://github.com/github/gh-net/issues/16 (gh's
    // line), in two steps against two repositories.
    const gh = 'error getting codespaces: HTTP 403: Must have admin rights to Repository';
    const log = [
      'Run # In $HOME to avoid sudo requirements',
      curl,
      'Run gh api repos/o/alpha/codespaces',
      gh,
      'Run gh api repos/o/beta/codespaces',
      gh,
    ].join('\n');
    const { findings } = diagnoseLog(log);
    expect(findings.map((f) => [f.evidence.line, f.evidence.target])).toEqual([
      [2, '# In $HOME to avoid sudo requirements'],
      [4, 'gh api repos/o/alpha/codespaces'],
      [6, 'gh api repos/o/beta/codespaces'],
    ]);
  });

  it('counts the same plain 403 printed again (acterglobal/a3#3107)', () => {
    // https://github.com/acterglobal/a3/pull/3107: curl's 403, eleven times in one step.
    const log = [
      'info: host platform: x86_64_linux',
      ...Array(11).fill(curl),
      'Error: Process completed with exit code 22.',
    ];
    expect(lines(log.join('\n'))).toEqual([['forbidden', 'token', 2, 11]]);
  });
});
