/**
 * The configuration of the GitHub token check: the file's `github` section (schema/preflight.schema.json) and the
 * `github-tokens` input, into the check's settings.
 */
import { describe, expect, it } from 'vitest';
import { tokenSettingsOf } from '../../src/checks/github-token/settings.js';
import { buildConfig } from '../../src/config/build.js';
import { readConfigFile } from '../../src/config/file.js';

const FILE = `
github:
  default-token-permissions: read
  repository-visibility: internal
  job-token-needs:
    deploy:
      contents: write
      pages: write
`;

describe('the github section', () => {
  it('reads the default and the declared needs, and the github-tokens input lays over them', () => {
    const read = readConfigFile(FILE, '.github/preflight.yml');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const built = buildConfig(
      (name) => (name === 'github-tokens' ? 'RELEASE_PAT, BOT=BOT_TOKEN' : ''),
      undefined,
      read.settings,
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.config.github).toEqual({
      defaultTokenPermissions: 'read',
      repositoryVisibility: 'internal',
      jobTokenNeeds: { deploy: { contents: 'write', pages: 'write' } },
      tokensInput: 'RELEASE_PAT, BOT=BOT_TOKEN',
    });
    expect(tokenSettingsOf(built.config.github)).toEqual({
      defaultPermissions: 'restricted',
      jobNeeds: {
        deploy: [
          { scope: 'contents', level: 'write' },
          { scope: 'pages', level: 'write' },
        ],
      },
      visibility: 'internal',
    });
    // The configuration's visibility is taken over the event payload's.
    expect(tokenSettingsOf(built.config.github, { repositoryVisibility: 'public' }).visibility).toBe('internal');
    expect(tokenSettingsOf(undefined, { repositoryVisibility: 'public' }).visibility).toBe('public');
    expect(tokenSettingsOf(undefined).visibility).toBe('unknown');
  });

  it('write is the permissive default; unset is unknown', () => {
    expect(tokenSettingsOf({ defaultTokenPermissions: 'write' }).defaultPermissions).toBe('permissive');
    expect(tokenSettingsOf(undefined).defaultPermissions).toBe('unknown');
  });

  it('refuses a scope GitHub does not define and a level other than read or write, at their line', () => {
    const read = readConfigFile(
      'github:\n  default-token-permissions: admin\n  job-token-needs:\n    deploy:\n      pull-request: write\n',
      'p.yml',
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.line)).toEqual(expect.arrayContaining([2, 5]));
  });
});
