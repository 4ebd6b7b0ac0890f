/** run() against a fake ActionIO: no module mocks, only what the step would show (STYLE.md §3, rules 4 and 5). */
import { describe, expect, it } from 'vitest';
import type { ActionIO } from '../src/io.js';
import { describeThrown, NOTHING_VERIFIED, run } from '../src/main.js';

interface Recorded {
  outputs: Record<string, string>;
  summary: string;
  info: string[];
  failed: string[];
}

function fakeIO(inputs: Record<string, string>, overrides: Partial<ActionIO> = {}): { io: ActionIO; seen: Recorded } {
  const seen: Recorded = { outputs: {}, summary: '', info: [], failed: [] };
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      seen.outputs[name] = value;
    },
    summary: async (markdown) => {
      seen.summary += markdown;
    },
    info: (message) => seen.info.push(message),
    setFailed: (message) => seen.failed.push(message),
    ...overrides,
  };
  return { io, seen };
}

describe('run', () => {
  it('fails closed in enforce mode, the default', async () => {
    for (const mode of ['enforce', '']) {
      const { io, seen } = fakeIO({ mode });
      await run(io);
      expect(seen.failed).toEqual([NOTHING_VERIFIED]);
      expect(seen.outputs).toEqual({ result: 'fail', findings: '0' });
      expect(seen.summary).toContain(NOTHING_VERIFIED);
    }
  });

  it('reports without failing in report mode', async () => {
    const { io, seen } = fakeIO({ mode: 'report' });
    await run(io);
    expect(seen.failed).toEqual([]);
    expect(seen.outputs.result).toBe('fail');
    expect(seen.info.join('\n')).toContain(NOTHING_VERIFIED);
  });

  it.each([
    ['an Error', new Error('disk on fire'), 'permission-preflight: disk on fire'],
    ['a string', 'plain string', 'permission-preflight: non-Error thrown: plain string'],
    ['undefined', undefined, 'permission-preflight: non-Error thrown: undefined'],
    ['an object', { code: 42 }, 'permission-preflight: non-Error thrown: {"code":42}'],
  ])('fails the step on %s thrown from anywhere in the pipeline', async (_, thrown, message) => {
    const { io, seen } = fakeIO(
      { mode: 'report' },
      {
        summary: async () => {
          throw thrown;
        },
      },
    );
    await run(io);
    expect(seen.failed).toEqual([message]);
  });
});

describe('describeThrown', () => {
  it('never throws itself, even on values JSON cannot hold', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeThrown(circular)).toBe('non-Error thrown (object)');
    expect(describeThrown(10n)).toBe('non-Error thrown (bigint)');
    expect(describeThrown(Symbol('s'))).toBe('non-Error thrown: Symbol(s)');
    expect(describeThrown(new TypeError(''))).toBe('TypeError');
  });
});
