/**
 * The leak scanner (leaks.ts) that tokens.test.ts runs over everything the token scenarios wrote,
 * and aws-scenarios.test.ts over the AWS runs. It is tested here, on synthetic leaks and on a step that prints a
 * signature, so that a silent pass there cannot come from a scanner that finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { runStep } from '../fixtures/runner-step.js';
import { findLeaks, maskedSecrets, withoutMaskCommands } from './leaks.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
});

describe('the leak scanner', () => {
  it('finds a signature, a payload, a truncated segment and a whole token, wherever they are', async () => {
    const token = await issuer.mint({ sub: 'svc', aud: 'api://deploy' });
    const [header = '', payload = '', signature = ''] = token.split('.');
    expect(findLeaks({ clean: 'nothing to see', header: `alg ${header.slice(0, 10)}` }, [token])).toEqual([]);
    expect(findLeaks({ summary: `| sig | ${signature} |` }, [token])).toEqual([
      { where: 'summary', secret: 0, piece: 'signature' },
    ]);
    expect(findLeaks({ report: `"x": "${payload.slice(0, 30)}…"` }, [token])).toEqual([
      { where: 'report', secret: 0, piece: 'payload' },
    ]);
    expect(findLeaks({ stderr: `cut: …${signature.slice(-30)}` }, ['other.secret.value-1234567890', token])).toEqual([
      { where: 'stderr', secret: 1, piece: 'signature' },
    ]);
    const whole = findLeaks({ stdout: `Bearer ${token}` }, [token]).map((l) => l.piece);
    expect(whole).toEqual(['token', 'header', 'payload', 'signature']);
    expect(findLeaks({ stdout: 'opq_0123456789abcdefXYZ is bad' }, ['opq_0123456789abcdefXYZ'])).toHaveLength(1);
  });

  it('ignores the ::add-mask:: commands, which the runner consumes, but nothing else on stdout', async () => {
    const token = await issuer.mint({ sub: 'svc' });
    const stdout = `::add-mask::${token}\n::add-mask::100%25 opaque\nchecking\n`;
    expect(maskedSecrets(stdout)).toEqual(new Set([token, '100% opaque']));
    expect(findLeaks({ stdout: withoutMaskCommands(stdout) }, [token])).toEqual([]);
    const leaky = `${stdout}::error::refused ${token.split('.')[2]}\n`;
    expect(findLeaks({ stdout: withoutMaskCommands(leaky) }, [token])).toEqual([
      { where: 'stdout', secret: 0, piece: 'signature' },
    ]);
  });

  it("catches a signature that a step prints, captured as the scenarios capture a step's output", async () => {
    const token = await issuer.mint({ sub: 'svc' });
    const leaky = await runStep({ TOKEN: token }, async () => {
      process.stdout.write(`sig ${process.env.TOKEN?.split('.')[2]}\n`);
    });
    expect(findLeaks({ stdout: leaky.stdout }, [token])).toEqual([{ where: 'stdout', secret: 0, piece: 'signature' }]);
  });
});
