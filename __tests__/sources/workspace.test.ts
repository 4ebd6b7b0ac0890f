/**
 * What the sources read from disk, on a pull request whose author controls every file, name and link in it
 * (src/sources/files.ts): paths and links stay in the workspace unless allow-outside-workspace is true, links inside
 * it are followed, a dangling link is named as itself, a named pipe or a device is refused by its type, and every
 * file has a size cap.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { loadAwsFiles } from '../../src/sources/aws-files.js';
import { readConfigText } from '../../src/sources/config-file.js';
import { FILE_LIMITS, MAX_FOLDER_DEPTH, readRegularFile } from '../../src/sources/files.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const ORG = path.resolve('__tests__/fixtures/aws-cli/org');
const posix = process.platform !== 'win32';

/** A workspace whose `policies/` holds the organization fixture, `1-account-prod` (with the SCP deny) as a link. */
function linkedOrg(): string {
  const ws = tempDir();
  cpSync(path.join(ORG, '0-root'), path.join(ws, 'policies/0-root'), { recursive: true });
  cpSync(path.join(ORG, '1-account-prod'), path.join(ws, 'shared/prod'), { recursive: true });
  symlinkSync(path.join(ws, 'shared/prod'), path.join(ws, 'policies/1-account-prod'));
  return ws;
}

describe('policy files and the workspace', () => {
  it.skipIf(!posix)('follows a linked policy folder inside the workspace: its SCP deny is read', async () => {
    const { inventory, findings } = await loadAwsFiles(['policies'], { cwd: linkedOrg() });
    expect(findings).toEqual([]);
    expect(inventory.scps?.map((level) => level.map((p) => p.name))).toEqual([['FullAWSAccess'], ['deny-outside-eu']]);
    expect(inventory.scps?.[1]?.[0]?.file).toBe('policies/1-account-prod/scp-deny-outside-eu.json');
  });

  it('refuses a path outside the workspace, unless allow-outside-workspace', async () => {
    const ws = tempDir();
    const outside = writeFile(tempDir(), 'scp.json', '{}');
    const given = path.relative(ws, outside);
    await expect(loadAwsFiles([given], { cwd: ws })).rejects.toThrow(
      `${given} is outside the workspace; only files in`,
    );
    await expect(loadAwsFiles([outside], { cwd: ws })).rejects.toThrow('is outside the workspace');
    const allowed = await loadAwsFiles([given], { cwd: ws, allowOutsideWorkspace: true });
    expect(allowed.findings.map((f) => f.class)).toEqual(['unrecognised-file']); // read, and found to be no AWS output
  });

  /** The findings of a folder's entries not read: class, status, file and message. */
  const unread = (findings: readonly Finding[]) =>
    findings.map((f) => [f.class, f.status, f.location?.file, f.message] as const);

  it.skipIf(!posix)(
    'refuses a link in a policy folder that leads outside it as a finding naming the link: the rest is read, its level is not',
    async () => {
      const ws = linkedOrg();
      const outside = writeFile(tempDir(), 'deny.json', '{}');
      symlinkSync(outside, path.join(ws, 'policies/0-root/scp-elsewhere.json'));
      const { inventory, findings } = await loadAwsFiles(['policies'], { cwd: ws });
      expect(unread(findings)).toEqual([
        [
          'could-not-verify',
          'unverified',
          'policies/0-root/scp-elsewhere.json',
          expect.stringContaining(
            `policies/0-root/scp-elsewhere.json is a symbolic link that leads outside the workspace (to ${outside})`,
          ),
        ],
      ]);
      expect(findings[0]?.message).toContain('it is not read, so what it would decide is unverified');
      // The other files are read; the level is not all read, so its layers are unknown, never only what was read.
      expect(inventory.scps?.[1]?.map((p) => p.name)).toEqual(['deny-outside-eu']);
      expect(inventory.unreadOrgLayers).toEqual(['rcp', 'scp']); // an AWS CLI output in a level folder may be either
      symlinkSync(path.dirname(outside), path.join(ws, 'policies/elsewhere'));
      await expect(loadAwsFiles(['policies/elsewhere'], { cwd: ws })).rejects.toThrow(
        'policies/elsewhere is a symbolic link that leads outside the workspace',
      );
    },
  );

  it.skipIf(!posix)('names a dangling link by its own name, not its folder', async () => {
    const ws = linkedOrg();
    symlinkSync(path.join(ws, 'gone.json'), path.join(ws, 'policies/0-root/scp-gone.json'));
    const { findings } = await loadAwsFiles(['policies'], { cwd: ws });
    expect(unread(findings)).toEqual([
      [
        'could-not-verify',
        'unverified',
        'policies/0-root/scp-gone.json',
        expect.stringContaining(
          `policies/0-root/scp-gone.json is a symbolic link to ${path.join(ws, 'gone.json')}, which does not exist`,
        ),
      ],
    ]);
  });

  it.skipIf(!posix)('does not walk a link back up the tree forever, and stops at the depth limit', async () => {
    const ws = linkedOrg();
    symlinkSync(path.join(ws, 'policies'), path.join(ws, 'policies/0-root/up'));
    const { inventory } = await loadAwsFiles(['policies'], { cwd: ws });
    expect(inventory.scps?.map((level) => level.length)).toEqual([1, 1]);
    const deep = path.join(ws, 'deep', ...Array.from({ length: MAX_FOLDER_DEPTH + 2 }, (_, i) => `d${i}`));
    mkdirSync(deep, { recursive: true });
    const { findings } = await loadAwsFiles(['deep'], { cwd: ws });
    expect(unread(findings)).toEqual([
      [
        'could-not-verify',
        'unverified',
        expect.stringMatching(/^deep\/d0\/.*\/d32$/),
        expect.stringContaining(`is a folder nested deeper than ${MAX_FOLDER_DEPTH} folders`),
      ],
    ]);
  });

  it.skipIf(!posix)(
    'refuses a named pipe by its type, without waiting for a writer: given, the run stops; in a folder, a finding',
    async () => {
      const ws = tempDir();
      mkdirSync(path.join(ws, 'policies'));
      execFileSync('mkfifo', [path.join(ws, 'policies/scp-pipe.json')]);
      await expect(loadAwsFiles(['policies/scp-pipe.json'], { cwd: ws })).rejects.toThrow(
        'policies/scp-pipe.json is a named pipe (FIFO), not a regular file: it is not read',
      );
      const { findings } = await loadAwsFiles(['policies'], { cwd: ws });
      expect(unread(findings)).toEqual([
        ['could-not-verify', 'unverified', 'policies/scp-pipe.json', expect.stringContaining('is a named pipe (FIFO)')],
      ]);
    },
  );

  it.skipIf(!existsSync('/dev/zero'))('refuses a device by its type, even where paths may lead anywhere', async () => {
    await expect(loadAwsFiles(['/dev/zero'], { allowOutsideWorkspace: true })).rejects.toThrow(
      '/dev/zero is a device, not a regular file: it is not read',
    );
  });

  it('refuses a policy file past its cap by its size, without reading it', async () => {
    const ws = tempDir();
    // Sparse: the size is there, the bytes are not.
    const file = writeFile(ws, 'huge.json', '');
    truncateSync(file, FILE_LIMITS.policyFile + 1);
    await expect(loadAwsFiles(['huge.json'], { cwd: ws })).rejects.toThrow(
      'huge.json is larger than 256 MiB, the most this file may hold',
    );
  });
});

describe('readRegularFile', () => {
  it('reads up to the cap, and refuses one byte more', async () => {
    const file = writeFile(tempDir(), 'f', 'x'.repeat(100));
    expect(await readRegularFile(file, 100)).toMatchObject({ ok: true, bytes: Buffer.from('x'.repeat(100)) });
    expect(await readRegularFile(file, 99)).toEqual({
      ok: false,
      reason: 'is larger than 99 bytes, the most this file may hold',
    });
  });

  it('keeps files read together within their budget: reserved by size before reading, however many read at once', async () => {
    const dir = tempDir();
    const files = ['a', 'b', 'c', 'd'].map((n) => writeFile(dir, n, 'x'.repeat(40)));
    const together = { limit: 100, left: 100 };
    const reads = await Promise.all(files.map((f) => readRegularFile(f, 1000, together)));
    expect(reads.filter((r) => r.ok)).toHaveLength(2);
    expect(reads.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'would take the files read together past 100 bytes, the most they may hold' },
      { ok: false, reason: 'would take the files read together past 100 bytes, the most they may hold' },
    ]);
    expect(together.left).toBe(20);
  });
});

describe('the config file and the workspace', () => {
  const read = (ws: string, config: string, allow = '') =>
    readConfigText({
      getInput: (name) => (name === 'config' ? config : name === 'allow-outside-workspace' ? allow : ''),
      env: { GITHUB_WORKSPACE: ws },
      cwd: '/',
    });

  it('refuses a config outside the workspace, or linked out of it, unless allow-outside-workspace', async () => {
    const ws = tempDir();
    const outside = writeFile(tempDir(), 'preflight.yml', 'mode: report\n');
    const given = path.relative(ws, outside);
    expect(await read(ws, given)).toMatchObject({
      ok: false,
      errors: [{ where: 'input config', message: expect.stringContaining('is outside the workspace') }],
    });
    expect(await read(ws, given, 'true')).toMatchObject({ ok: true, text: 'mode: report\n' });
    if (posix) {
      mkdirSync(path.join(ws, '.github'));
      symlinkSync(outside, path.join(ws, '.github/preflight.yml'));
      const linked = await read(ws, '.github/preflight.yml');
      expect(linked).toMatchObject({ ok: false });
      expect(JSON.stringify(linked)).toContain(
        '\\".github/preflight.yml\\" is a symbolic link that leads outside the workspace',
      );
    }
  });

  it('reads a config linked inside the workspace, and names a dangling link', async () => {
    if (!posix) return;
    const ws = tempDir();
    writeFile(ws, 'ci/preflight.yml', 'mode: report\n');
    mkdirSync(path.join(ws, '.github'));
    symlinkSync('../ci/preflight.yml', path.join(ws, '.github/preflight.yml'));
    expect(await read(ws, '.github/preflight.yml')).toMatchObject({ ok: true, text: 'mode: report\n' });
    symlinkSync('../ci/gone.yml', path.join(ws, '.github/other.yml'));
    expect(await read(ws, '.github/other.yml')).toEqual({
      ok: false,
      errors: [
        {
          where: 'input config',
          message: '".github/other.yml" is a symbolic link to ../ci/gone.yml, which does not exist',
        },
      ],
    });
  });

  it('refuses a config past 1 MiB, and a named pipe, by size and by type', async () => {
    const ws = tempDir();
    writeFile(ws, 'big.yml', `# ${'x'.repeat(FILE_LIMITS.config)}\n`);
    expect(await read(ws, 'big.yml')).toEqual({
      ok: false,
      errors: [{ where: 'input config', message: '"big.yml" is larger than 1 MiB, the most this file may hold' }],
    });
    if (!posix) return;
    execFileSync('mkfifo', [path.join(ws, 'pipe.yml')]);
    expect(await read(ws, 'pipe.yml')).toEqual({
      ok: false,
      errors: [
        { where: 'input config', message: '"pipe.yml" is a named pipe (FIFO), not a regular file: it is not read' },
      ],
    });
  });
});
