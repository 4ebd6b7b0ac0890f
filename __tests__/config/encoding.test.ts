/**
 * The config file in the encodings editors save it in, through the action's `run(io)`: UTF-16 with a byte order mark
 * (Windows editors) and UTF-8 with or without one are read as the policy files are (src/text/decode-bytes.ts); bytes
 * that are not text in their encoding fail the step with an error that names the file.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeKey, mint, NOW, type TestKey } from '../tokens/mint.js';
import { classes, runAction } from '../tokens/run-io.js';

const ISSUER = 'https://auth.example.com';
const CONFIG = [
  'mode: enforce',
  'github-oidc: { enabled: false }',
  'tokens:',
  '  - name: deploy-api',
  '    from-env: DEPLOY_API_TOKEN',
  `    issuer: ${ISSUER}`,
  '    audience: api://déploiement', // not ASCII, so a wrong decoding shows
  '',
].join('\r\n');

let key: TestKey;
let token: string;
beforeAll(async () => {
  key = await makeKey('RS256', 'k1');
  token = await mint(key, { iss: ISSUER, sub: 'svc', aud: 'api://déploiement', exp: NOW + 3600 });
});

/** Runs the action with the config file holding `bytes`. */
async function runWith(bytes: Uint8Array) {
  const dir = await mkdtemp(path.join(tmpdir(), 'config-encoding-'));
  await writeFile(path.join(dir, 'preflight.yml'), bytes);
  return runAction(
    { config: 'preflight.yml' },
    { DEPLOY_API_TOKEN: token, GITHUB_WORKSPACE: dir },
    { [ISSUER]: [key] },
  );
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

describe('the config file, as Windows and other editors save it (run(io))', () => {
  it.each([
    ['UTF-8', Buffer.from(CONFIG)],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CONFIG)])],
    ['UTF-16LE with a byte order mark (Windows editors)', utf16le(CONFIG)],
    ['UTF-16BE with a byte order mark', utf16be(CONFIG)],
  ])('reads %s', async (_, bytes) => {
    const seen = await runWith(bytes);
    expect(seen.failed).toEqual([]);
    expect(classes(seen)).toEqual([['ok', 'pass', 'token']]);
  });

  it.each([
    ['bytes that are not UTF-8', Buffer.from([...Buffer.from('mode: '), 0xc3, 0x28, 0x0a]), /is not valid UTF-8 text/],
    ['UTF-16 with an odd number of bytes', utf16le(CONFIG).subarray(0, 11), /is not valid UTF-16/],
    ['UTF-16 without a byte order mark', Buffer.from(CONFIG, 'utf16le'), /NUL characters.*without a byte order mark/],
  ])('fails on %s, naming the file, and checks nothing', async (_, bytes, reason) => {
    const seen = await runWith(bytes);
    expect(seen.failed).toHaveLength(1);
    expect(seen.failed[0]).toContain('invalid configuration');
    expect(seen.failed[0]).toContain('"preflight.yml"');
    expect(seen.failed[0]).toMatch(reason);
    expect(seen.outputs.result).toBe('fail');
    expect(seen.fetched).toEqual([]);
  });
});
