/**
 * src/workflows/yaml-size.ts: GitHub's parser resolves each alias with the `yaml` library's `Alias.resolve(doc)`, which
 * walks the whole document; `withAliasIndex` answers from one index of it instead. It must answer exactly as the
 * library does (the last node before the alias with its anchor, YAML 1.2.2 7.1 "Alias Nodes"), including an anchor
 * given again and an alias before its anchor, and leave the library as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Alias, isAlias, parseDocument, visit } from 'yaml';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { withAliasIndex } from '../../src/workflows/yaml-size.js';

/** A node of a generated document: a scalar with an anchor, an alias, a plain scalar, or a flow sequence of them. */
const NODE: fc.Memo<string> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 })).map(([a, v]) => `&a${a} v${v}`),
    fc.integer({ min: 0, max: 2 }).map((a) => `*a${a}`),
    fc.integer({ min: 0, max: 9 }).map((v) => `s${v}`),
    ...(depth > 1 ? [fc.array(NODE(depth - 1), { minLength: 1, maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`)] : []),
  ),
);

function aliasesOf(text: string) {
  const doc = parseDocument(text, { uniqueKeys: false });
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_, a) => void aliases.push(a) });
  return { doc, aliases };
}

describe('withAliasIndex', () => {
  it('resolves every alias to the node the library finds (property)', () => {
    fc.assert(
      fc.property(fc.array(NODE(3), { minLength: 1, maxLength: 12 }), (items) => {
        // A key per item, so that every item is a node of its own place in document order.
        const text = items.map((x, i) => `k${i}: ${x}`).join('\n');
        const { doc, aliases } = aliasesOf(text);
        const expected = aliases.map((a) => a.resolve(doc));
        const indexed = withAliasIndex(() => aliases.map((a) => a.resolve(doc)));
        expect(indexed).toEqual(expected);
        for (const [i, node] of indexed.entries()) expect(node).toBe(expected[i]);
      }),
      { numRuns: 1000 },
    );
  });

  it('restores the library when the parse returns or throws, and leaves a resolution with a context to it', () => {
    const { doc, aliases } = aliasesOf('a: &x 1\nb: *x\n');
    const own = aliases[0]?.resolve.bind(aliases[0]);
    const method = Object.getPrototypeOf(aliases[0]).resolve;
    expect(() =>
      withAliasIndex(() => {
        expect(Object.getPrototypeOf(aliases[0]).resolve).not.toBe(method);
        throw new Error('parse failed');
      }),
    ).toThrow('parse failed');
    expect(Object.getPrototypeOf(aliases[0]).resolve).toBe(method);
    expect(isAlias(aliases[0])).toBe(true);
    expect(doc.toJS()).toEqual({ a: 1, b: 1 });
    expect(own?.(doc)).toBe(withAliasIndex(() => aliases[0]?.resolve(doc)));
  });

  it("a workflow whose steps are an anchor's, called from every job, reads as the steps written out", async () => {
    const anchored = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps: &steps',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          role-to-assume: arn:aws:iam::111122223333:role/deploy',
      '      - run: aws s3 sync site s3://acme-site',
      '  b:',
      '    runs-on: ubuntu-latest',
      '    steps: *steps',
      '',
    ].join('\n');
    const model = await readWorkflowModel({
      workflowPaths: ['.github/workflows/deploy.yml'],
      read: () => anchored,
    });
    expect(model.errors).toEqual([]);
    const steps = (id: string) =>
      model.jobs.find((j) => j.id === id)?.instances[0]?.steps.map((s) => s.run?.script ?? s.uses);
    expect(steps('b')).toEqual(steps('a'));
    expect(steps('b')).toHaveLength(2);
  });
});
