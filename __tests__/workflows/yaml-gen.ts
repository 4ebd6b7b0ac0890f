/**
 * Generated YAML for comparing src/workflows/fast-reader.ts with GitHub's YamlObjectReader: block and flow
 * collections, scalars of every style (YAML 1.2.2, chapters 7 and 8), numbers in the forms the core schema reads and
 * the ones it leaves strings, empty nodes, comments at every indentation, anchors and aliases, `${{ }}` expressions.
 */
import fc from 'fast-check';

export type Gen =
  | { readonly t: 'scalar'; readonly text: string; readonly multiline?: boolean }
  | { readonly t: 'block'; readonly header: string; readonly lines: readonly string[]; readonly trail: number }
  | { readonly t: 'empty' }
  | { readonly t: 'alias'; readonly pick: number }
  | { readonly t: 'flow'; readonly text: string }
  | { readonly t: 'seq'; readonly items: readonly Gen[]; readonly anchor: boolean; readonly notes: readonly number[] }
  | {
      readonly t: 'map';
      readonly entries: readonly (readonly [string, Gen])[];
      readonly anchor: boolean;
      readonly notes: readonly number[];
    };

/** A GitHub expression (https://docs.github.com/en/actions/reference/workflows-and-actions/expressions). */
const EXPR = `\${{ x }}`;

/** Plain scalars, the core schema's numbers, booleans and nulls among them, and their near misses. */
const PLAIN = [
  '1_000',
  '0b1',
  '+.5',
  '1e3',
  '0x1F',
  '0X1F',
  '.NaN',
  '.nan',
  '.NAN',
  '.inf',
  '-.Inf',
  '+.INF',
  '.iNf',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'yes',
  'on',
  'off',
  '0o17',
  '0o8',
  '017',
  '-0',
  '+12',
  '-12',
  '0',
  '1.',
  '.5',
  '-1.5e-3',
  '1E+3',
  '1.0',
  '3.14',
  '12:30',
  '2024-01-01',
  '0x',
  'e3',
  '1e',
  '9007199254740993',
  `\${{ github.event_name }}`,
  `\${{ inputs.x == 'a' && 'b' || 'c' }}`,
  'echo "hi" && exit 0',
  'a b  c',
  'a#b',
  'a:b',
  'ubuntu-latest',
  'x',
];

const word = fc.constantFrom('a', 'run', 'name', 'on', 'jobs', 'steps', 'with', 'k1', 'long-key_name', 'x.y');

const plain = fc.oneof(fc.constantFrom(...PLAIN), word);

const singleQuoted = fc
  .array(fc.constantFrom('a', ' ', "''", '#', ':', EXPR, '\\n', '"'), { maxLength: 6 })
  .map((parts) => `'${parts.join('')}'`);

const doubleQuoted = fc
  .array(fc.constantFrom('a', ' ', '\\n', '\\t', '\\"', '\\\\', '\\x41', '\\u00e9', "'", '#', '\\/', '\\ '), {
    maxLength: 6,
  })
  .map((parts) => `"${parts.join('')}"`);

const scalar: fc.Arbitrary<Gen> = fc.oneof(
  { weight: 4, arbitrary: plain.map((text) => ({ t: 'scalar' as const, text })) },
  { weight: 1, arbitrary: singleQuoted.map((text) => ({ t: 'scalar' as const, text })) },
  { weight: 1, arbitrary: doubleQuoted.map((text) => ({ t: 'scalar' as const, text })) },
  {
    weight: 2,
    // Scalars over several lines (YAML 1.2.2, 6.5 "Line Folding", 7.3.1 escaped line breaks), blank lines among them.
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '"', "'"),
        fc.array(fc.oneof(word, fc.constantFrom('a  b', '\\t', EXPR)), { minLength: 2, maxLength: 4 }),
        fc.array(fc.constantFrom('\n', '\n\n', '  \n', '\\\n', '\n\n\n'), { minLength: 3, maxLength: 3 }),
      )
      .map(([quote, words, breaks]) => {
        const text = words
          .map((w, i) => {
            const sep = breaks[i % breaks.length] ?? '\n';
            const join = sep.startsWith('\\') && quote !== '"' ? '\n' : sep;
            return i === 0 ? w : `${join}${w}`;
          })
          .join('');
        return { t: 'scalar' as const, text: `${quote}${text}${quote}`, multiline: true };
      }),
  },
);

const block: fc.Arbitrary<Gen> = fc.record({
  t: fc.constant('block' as const),
  header: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>1-', '|-1', '|+2', '| # note |', '>'),
  lines: fc.array(fc.constantFrom('echo a', '', '  more', 'b: c', '# not a comment', EXPR, 'x  '), {
    minLength: 0,
    maxLength: 4,
  }),
  trail: fc.nat(2),
});

const leaf: fc.Arbitrary<Gen> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: block },
  { weight: 2, arbitrary: fc.constant({ t: 'empty' as const }) },
  { weight: 1, arbitrary: fc.nat(5).map((pick) => ({ t: 'alias' as const, pick })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('[a, b]', '[]', '{}', '{a: 1, b: [x, "y"]}', '[ 1 , 0x1F, ~ ]', "{ 'k': v }", '[a, [b, {c: d}]]')
      .map((text) => ({ t: 'flow' as const, text })),
  },
);

/** Where comment lines go: -1 none, otherwise a column (0 to 8) for a comment line after an item. */
const notes = fc.array(fc.oneof(fc.constant(-1), fc.constant(-1), fc.nat(8)), { maxLength: 4 });

export const gen: fc.Arbitrary<Gen> = fc.letrec<{ node: Gen }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('map' as const),
        entries: fc.array(fc.tuple(fc.oneof(word, plain, singleQuoted, doubleQuoted), tie('node')), {
          minLength: 1,
          maxLength: 4,
        }),
        anchor: fc.boolean(),
        notes,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('seq' as const),
        items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
        anchor: fc.boolean(),
        notes,
      }),
    },
  ),
})).node;

/** Renders a generated node as a block-style document, with comments, blank lines and anchors where asked. */
export function render(root: Gen, inline: readonly string[], step = 2, compact = false): string {
  let anchors = 0;
  const defined: string[] = [];
  const out: string[] = [];
  let note = 0;
  const inlineComment = () => {
    const c = inline[note++ % Math.max(1, inline.length)] ?? '';
    return c;
  };
  const anchorOf = (on: boolean) => {
    if (!on) return '';
    const name = `a${anchors++}`;
    defined.push(name);
    return `&${name} `;
  };
  // Writes `node` as the value after `prefix` (a key with `:`, or a `-`), its lines indented by `indent`.
  const value = (prefix: string, node: Gen, indent: number) => {
    const pad = ' '.repeat(indent);
    switch (node.t) {
      case 'scalar': {
        if (node.multiline) {
          const [first, ...rest] = node.text.split('\n');
          out.push(`${prefix} ${first}`);
          for (const r of rest) out.push(r === '' ? '' : `${pad}  ${r}`);
          return;
        }
        const a = anchorOf(node.text.length % 3 === 0);
        out.push(`${prefix} ${a}${node.text}${inlineComment()}`);
        return;
      }
      case 'flow':
        out.push(`${prefix} ${node.text}${inlineComment()}`);
        return;
      case 'empty':
        out.push(`${prefix}${inlineComment()}`);
        return;
      case 'alias': {
        const name = defined[node.pick % Math.max(1, defined.length)];
        out.push(name === undefined ? `${prefix} ~` : `${prefix} *${name}${inlineComment()}`);
        return;
      }
      case 'block': {
        out.push(`${prefix} ${node.header}`);
        const digit = /[0-9]/.exec(node.header)?.[0];
        const inner = ' '.repeat(indent + (digit ? Number(digit) : 2));
        for (const line of node.lines) out.push(line === '' ? '' : `${inner}${line}`);
        for (let i = 0; i < node.trail; i++) out.push(i % 2 ? `${inner}` : '');
        return;
      }
      case 'map':
      case 'seq': {
        const a = anchorOf(node.anchor);
        if (!a && compact && prefix.endsWith('-') && node.t === 'map') {
          // A compact mapping in a sequence entry (YAML 1.2.2, 8.2.1 "Block Sequences"): `- key: value`.
          const lines = out.length;
          collection(node, indent + 2);
          out[lines] = `${prefix} ${(out[lines] ?? '').trimStart()}`;
          return;
        }
        out.push(`${prefix}${a ? ` ${a.trimEnd()}` : ''}${inlineComment()}`);
        collection(node, indent + step);
        return;
      }
    }
  };
  const collection = (node: Gen & { t: 'map' | 'seq' }, indent: number) => {
    const pad = ' '.repeat(indent);
    const items = node.t === 'map' ? node.entries : node.items.map((i) => ['', i] as const);
    items.forEach(([key, item], i) => {
      value(node.t === 'map' ? `${pad}${key}:` : `${pad}-`, item, indent);
      const column = node.notes[i] ?? -1;
      if (column >= 0) out.push(`${' '.repeat(column)}# note ${column}`);
      if (column === 3) out.push('');
    });
  };
  if (root.t === 'map' || root.t === 'seq') collection(root, 0);
  else value('k:', root, 0);
  return `${out.join('\n')}\n`;
}
