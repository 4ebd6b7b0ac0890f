/**
 * A schema-driven reader of the fast reader's YAML tree (src/workflows/fast-reader.ts) into the token tree GitHub's
 * template reader gives (`readTemplate`, @actions/workflow-parser dist/templates/template-reader.js): the same tokens
 * (classes, values, ranges, `definitionInfo`, expression tokens with their `originalExpressions`, `source` and
 * `expressionRange`) and the same errors in the same order, or nothing (undefined) when it meets what it does not
 * reproduce; the caller then runs GitHub's reader, which is always right.
 *
 * What makes it faster than GitHub's reader over the same tree:
 * - a schema is read once into plans, one per definition and allowed context: which scalar definitions a literal may
 *   match, the sequence's item, the mapping's properties (each with its plan), its loose key and value. GitHub's
 *   reader builds a `DefinitionInfo` for each node, copying and upper-casing its allowed context, and looks its
 *   definitions up again each time;
 * - `DefinitionInfo` objects are shared: GitHub's reader gives each token one of its own, equal (`definition`,
 *   `allowedContext`, schema) to the one given here for the same definition under the same allowed context;
 * - an expression is checked against an allowed context once (GitHub's `ExpressionToken.validateExpression`, whose
 *   outcome depends on the expression and the context only); the outcome is kept for the next one;
 * - it walks the YAML tree, without an event stream between.
 *
 * It declines: an expression as a mapping key, an `insert` directive (or anything that begins so), a key that is not
 * a string as the YAML library types it (GitHub's reader fails on it), a key that names a property of
 * `Object.prototype` (GitHub's reader finds it in a schema's property table), the background-steps feature flag set,
 * and a tree nested past the JavaScript stack. The tests (__tests__/workflows/template-reader.test.ts) compare the
 * result with GitHub's reader on every fixture, on generated YAML and on the fixtures edited at random.
 */

import type { Definition } from '@actions/workflow-parser/templates/schema/definition';
import { DefinitionInfo } from '@actions/workflow-parser/templates/schema/definition-info';
import { DefinitionType } from '@actions/workflow-parser/templates/schema/definition-type';
import type { MappingDefinition } from '@actions/workflow-parser/templates/schema/mapping-definition';
import type { PropertyDefinition } from '@actions/workflow-parser/templates/schema/property-definition';
import type { ScalarDefinition } from '@actions/workflow-parser/templates/schema/scalar-definition';
import type { SequenceDefinition } from '@actions/workflow-parser/templates/schema/sequence-definition';
import type { TemplateSchema } from '@actions/workflow-parser/templates/schema/template-schema';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import { ExpressionToken } from '@actions/workflow-parser/templates/tokens/expression-token';
import {
  BasicExpressionToken,
  BooleanToken,
  type LiteralToken,
  MappingToken,
  NullToken,
  NumberToken,
  type ScalarToken,
  SequenceToken,
  StringToken,
  type TemplateToken,
} from '@actions/workflow-parser/templates/tokens/index';
import type { TokenRange } from '@actions/workflow-parser/templates/tokens/token-range';
import { TokenType } from '@actions/workflow-parser/templates/tokens/types';
import type { Lines, ScalarNode, YamlNode } from './fast-reader.js';

/** The start and end of an expression in a string (@actions/workflow-parser dist/templates/template-constants.js). */
const OPEN_EXPRESSION = '${{';
const CLOSE_EXPRESSION = '}}';
const INSERT_DIRECTIVE = 'insert';

/** Step properties GitHub's reader refuses without its `allowBackgroundSteps` feature (template-reader.js). */
const BACKGROUND_STEP_PROPERTIES = new Set(['background', 'wait', 'wait-all', 'cancel']);
const BACKGROUND_STEP_ONLY_PROPERTIES = new Set(['wait', 'wait-all', 'cancel']);

/** The most expressions whose check is kept for one allowed context. */
const KEPT_CHECKS = 20_000;

/** The most names a plan keeps (a schema's properties are always kept, unknown keys up to this many). */
const KEPT_NAMES = 1_000;

/** Thrown to give the file to GitHub's reader; never leaves this module. */
class Decline extends Error {}

function decline(): never {
  throw new Decline();
}

/** A property of a mapping definition, and the plan of its value. */
interface Property {
  readonly definition: PropertyDefinition;
  readonly plan: Plan;
}

/**
 * What reading a node under one `DefinitionInfo` needs, found once: each part the first time a node asks for it (a
 * schema's definitions refer to each other, `any` to itself).
 */
class Plan {
  private scalarList: readonly ScalarDefinition[] | undefined;
  private item: Plan | null | undefined;
  private mappingList: readonly MappingDefinition[] | undefined;
  private readonly children = new Map<Definition, Plan>();
  private readonly properties = new Map<MappingDefinition, Map<string, Property | null>>();
  private readonly owners = new Map<string, ReadonlySet<MappingDefinition>>();
  /** An expression's check under this plan's allowed context: the error's message, or null. */
  readonly checks: Map<string, string | null>;

  constructor(
    readonly schema: Schema,
    readonly info: DefinitionInfo,
  ) {
    this.checks = schema.checksFor(info.allowedContext);
  }

  get allowsExpressions(): boolean {
    return this.info.allowedContext.length > 0;
  }

  /** The plan of `definition` read under this one (GitHub's `new DefinitionInfo(this, definition)`). */
  child(definition: Definition): Plan {
    let plan = this.children.get(definition);
    if (plan === undefined) {
      plan = this.schema.plan(this.info, definition);
      this.children.set(definition, plan);
    }
    return plan;
  }

  named(name: string): Plan {
    return this.child(this.schema.definitions.getDefinition(name));
  }

  /** The scalar definitions a literal may match, in the schema's order (`getScalarDefinitions`). */
  get scalars(): readonly ScalarDefinition[] {
    this.scalarList ??= this.info.getScalarDefinitions();
    return this.scalarList;
  }

  /** The plan of a sequence's items, null when no sequence is expected. */
  get items(): Plan | null {
    if (this.item === undefined) {
      const sequence = this.info.getDefinitionsOfType(DefinitionType.Sequence)[0] as SequenceDefinition | undefined;
      this.item = sequence === undefined ? null : this.named(sequence.itemType);
    }
    return this.item;
  }

  /** The mapping definitions a mapping may be read as. */
  get mappings(): readonly MappingDefinition[] {
    this.mappingList ??= this.info.getDefinitionsOfType(DefinitionType.Mapping) as MappingDefinition[];
    return this.mappingList;
  }

  /** Which of the plan's mapping definitions have the property `name`. */
  having(name: string): ReadonlySet<MappingDefinition> {
    let owners = this.owners.get(name);
    if (owners === undefined) {
      owners = new Set(this.mappings.filter((mapping) => ownProperty(mapping, name) !== undefined));
      if (owners.size > 0 || this.owners.size < KEPT_NAMES) this.owners.set(name, owners);
    }
    return owners;
  }

  /** The property `name` of the one mapping definition `mapping` (null when it has none). */
  property(mapping: MappingDefinition, name: string): Property | null {
    let byName = this.properties.get(mapping);
    if (byName === undefined) {
      byName = new Map();
      this.properties.set(mapping, byName);
    }
    let property = byName.get(name);
    if (property === undefined) {
      const definition = ownProperty(mapping, name);
      property = definition === undefined ? null : { definition, plan: this.named(definition.type) };
      if (property !== null || byName.size < KEPT_NAMES) byName.set(name, property);
    }
    return property;
  }
}

/** A mapping definition's property `name`; declines a name the property table inherits. */
function ownProperty(mapping: MappingDefinition, name: string): PropertyDefinition | undefined {
  const properties = mapping.properties;
  if (Object.hasOwn(properties, name)) return properties[name];
  if (name in properties) decline();
  return undefined;
}

/** The plans of one schema, and the `DefinitionInfo` objects they share. */
class Schema {
  /** The plans by their parent's allowed context (one array per distinct context), then by their definition. */
  private readonly infos = new Map<readonly string[], Map<Definition, Plan>>();
  private readonly roots = new Map<string, Plan>();
  private readonly checks = new Map<readonly string[], Map<string, string | null>>();

  constructor(readonly definitions: TemplateSchema) {}

  root(type: string): Plan {
    let plan = this.roots.get(type);
    if (plan === undefined) {
      plan = new Plan(this, new DefinitionInfo(this.definitions, type));
      this.roots.set(type, plan);
    }
    return plan;
  }

  /** `new DefinitionInfo(parent, definition)`: its allowed context depends on the parent's alone. */
  plan(parent: DefinitionInfo, definition: Definition): Plan {
    let byDefinition = this.infos.get(parent.allowedContext);
    if (byDefinition === undefined) {
      byDefinition = new Map();
      this.infos.set(parent.allowedContext, byDefinition);
    }
    let plan = byDefinition.get(definition);
    if (plan === undefined) {
      plan = new Plan(this, new DefinitionInfo(parent, definition));
      byDefinition.set(definition, plan);
    }
    return plan;
  }

  checksFor(allowed: readonly string[]): Map<string, string | null> {
    let checks = this.checks.get(allowed);
    if (checks === undefined) {
      checks = new Map();
      this.checks.set(allowed, checks);
    }
    return checks;
  }
}

const SCHEMAS = new WeakMap<TemplateSchema, Schema>();

function schemaOf(definitions: TemplateSchema): Schema {
  let schema = SCHEMAS.get(definitions);
  if (schema === undefined) {
    schema = new Schema(definitions);
    SCHEMAS.set(definitions, schema);
  }
  return schema;
}

/** The literal token of a scalar node, as GitHub's `YamlObjectReader.getLiteralToken` makes it. */
export function literal(fileId: number, range: TokenRange, node: ScalarNode, text: string): LiteralToken {
  const value = node.value;
  if (value === null) return new NullToken(fileId, range, undefined);
  if (typeof value === 'number') return new NumberToken(fileId, range, value, undefined);
  if (typeof value === 'boolean') return new BooleanToken(fileId, range, value, undefined);
  const source = node.sourceStart < 0 ? undefined : text.slice(node.sourceStart, node.end);
  return new StringToken(fileId, range, value, undefined, source, node.header);
}

/** A string with expressions, cut into its text and its expressions. */
type Segment = string | BasicExpressionToken;

class TreeReader {
  constructor(
    private readonly context: TemplateContext,
    private readonly fileId: number,
    private readonly lines: Lines,
  ) {}

  read(node: YamlNode, plan: Plan): TemplateToken {
    // An alias is read again as its anchored node, with that node's range (`YamlObjectReader.getNodes`).
    while (node.kind === 'alias') node = node.target;
    const range = this.lines.range(node.start, node.end);
    if (node.kind === 'scalar') {
      const token = literal(this.fileId, range, node, this.lines.text);
      return this.check(
        token.templateTokenType === TokenType.String ? this.expand(token as StringToken, plan) : token,
        plan,
      );
    }
    if (node.kind === 'seq') {
      const sequence = new SequenceToken(this.fileId, range, undefined);
      const items = plan.items;
      if (items === null) this.context.error(sequence, 'A sequence was not expected');
      else for (const item of node.items) sequence.add(this.read(item, items));
      sequence.definitionInfo = plan.info;
      return sequence;
    }
    const mapping = new MappingToken(this.fileId, range, undefined);
    const definitions = plan.mappings;
    const first = definitions[0];
    if (first === undefined) this.context.error(mapping, 'A mapping was not expected');
    else if (definitions.length === 1 && first.looseKeyType !== '' && isEmpty(first.properties)) {
      this.readLoose(node.items, plan, first, mapping);
    } else this.readKnown(node.items, plan, definitions, mapping);
    mapping.definitionInfo ??= plan.info;
    return mapping;
  }

  /** A key as GitHub's reader reads it (a StringToken of the key's value), with its expressions read. */
  private key(node: YamlNode, plan: Plan): StringToken {
    if (node.kind !== 'scalar' || typeof node.value !== 'string') decline();
    const key = new StringToken(this.fileId, this.lines.range(node.start, node.end), node.value, undefined);
    const read = this.expand(key, plan);
    if (read.templateTokenType !== TokenType.String) decline();
    return read as StringToken;
  }

  /** A mapping whose every key is loose: `mapping: {loose-key-type, loose-value-type}` alone. */
  private readLoose(items: readonly YamlNode[], plan: Plan, definition: MappingDefinition, mapping: MappingToken) {
    const keys = plan.named(definition.looseKeyType);
    const values = plan.named(definition.looseValueType);
    const seen = new Set<string>();
    for (let i = 0; i < items.length; i += 2) {
      const key = this.key(items[i] as YamlNode, plan);
      if (key.value && !this.firstTime(seen, key)) continue;
      this.check(key, keys);
      key.definitionInfo = values.info;
      mapping.add(key, this.read(items[i + 1] as YamlNode, values));
    }
  }

  /** Whether a key is new to its mapping (compared without case); an error when it is not. */
  private firstTime(seen: Set<string>, key: StringToken): boolean {
    const upper = key.value.toUpperCase();
    if (seen.has(upper)) {
      this.context.error(key, `'${key.value}' is already defined`);
      return false;
    }
    seen.add(upper);
    return true;
  }

  /** A mapping with named properties, under one or several mapping definitions (a one-of's). */
  private readKnown(items: readonly YamlNode[], plan: Plan, all: readonly MappingDefinition[], mapping: MappingToken) {
    const first = all[0] as MappingDefinition;
    let definitions = all;
    let looseKeys: Plan | undefined;
    let looseValues: Plan | undefined;
    const seen = new Set<string>();
    for (let i = 0; i < items.length; i += 2) {
      const key = this.key(items[i] as YamlNode, plan);
      const value = items[i + 1] as YamlNode;
      if (key.value && !this.firstTime(seen, key)) continue;
      let property: Property | null;
      if (definitions.length === 1) property = plan.property(definitions[0] as MappingDefinition, key.value);
      else {
        const matched = matchProperty(plan, definitions, key.value);
        property = matched.property;
        definitions = matched.definitions;
      }
      if (property !== null) {
        if (BACKGROUND_STEP_PROPERTIES.has(key.value)) {
          this.context.error(key, `Unexpected value '${key.value}'`);
          continue;
        }
        key.definitionInfo = property.plan.info;
        if (property.definition.description) key.description = property.definition.description;
        mapping.add(key, this.read(value, property.plan));
      } else if (first.looseKeyType) {
        looseKeys ??= plan.named(first.looseKeyType);
        looseValues ??= plan.named(first.looseValueType);
        this.check(key, looseKeys);
        key.definitionInfo = looseValues.info;
        mapping.add(key, this.read(value, looseValues));
      } else this.context.error(key, `Unexpected value '${key.value}'`);
    }
    const only = definitions.length === 1 ? definitions[0] : undefined;
    if (only !== undefined) {
      mapping.definitionInfo = plan.child(only).info;
      for (const [name, upper] of requiredOf(only)) {
        if (!seen.has(upper)) this.context.error(mapping, `Required property is missing: ${name}`);
      }
    } else {
      this.context.error(
        mapping,
        `There's not enough info to determine what you meant. Add one of these properties: ${distinctProperties(definitions).join(', ')}`,
      );
    }
  }

  /**
   * A literal against the plan's scalar definitions (a non-string one also as its text), or an expression against
   * its allowed context; the token read, with its `definitionInfo`.
   */
  private check(token: ScalarToken, plan: Plan): ScalarToken {
    if (token.templateTokenType === TokenType.BasicExpression) {
      if (!plan.allowsExpressions) this.context.error(token, 'A template expression is not allowed in this context');
      return token;
    }
    const literal = token as LiteralToken;
    const scalars = plan.scalars;
    let match = scalars.find((d) => d.isMatch(literal));
    if (match !== undefined) {
      literal.definitionInfo = plan.child(match).info;
      return literal;
    }
    if (literal.templateTokenType !== TokenType.String) {
      const text = new StringToken(literal.file, literal.range, literal.toString(), literal.definitionInfo);
      match = scalars.find((d) => d.isMatch(text));
      if (match !== undefined) {
        text.definitionInfo = plan.child(match).info;
        return text;
      }
    }
    this.context.error(literal, `Unexpected value '${literal.toString()}'`);
    return literal;
  }

  /**
   * A string's `${{ }}` expressions, each checked against the plan's allowed context: the string unchanged when it
   * has none or one is wrong (with the error), else one expression token (a string literal's value as a string;
   * text and several expressions as a `format()`).
   */
  private expand(token: StringToken, plan: Plan): ScalarToken {
    const value = token.value;
    if (!value) return token;
    const range = token.range as TokenRange;
    const singleLine = range.start.line === range.end.line;
    // GitHub's reader reads a single line's value, and a block scalar's text as written (`source`).
    const raw = singleLine ? value : (token.source ?? value);
    let start = raw.indexOf(OPEN_EXPRESSION);
    if (start < 0) return token;
    // Where the first expression is in the text as written (quotes included), against the value.
    const shift = singleLine ? (token.source ?? raw).indexOf(OPEN_EXPRESSION) - start : 0;
    const segments: Segment[] = [];
    let failed = false;
    let at = 0;
    for (;;) {
      if (start > at) addText(segments, raw.slice(at, start));
      const end = closingBrace(raw, start);
      if (end < 0) {
        this.context.error(
          token,
          // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's message, word for word.
          'The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found.',
        );
        return token;
      }
      at = end + 1;
      const where = singleLine
        ? {
            start: { line: range.start.line, column: range.start.column + start + shift },
            end: { line: range.end.line, column: range.start.column + end + 1 + shift },
          }
        : blockRange(raw, range, start, end);
      const expression = this.expression(token, raw.slice(start + OPEN_EXPRESSION.length, end - 1), where, plan);
      if (expression === undefined) failed = true;
      else segments.push(expression);
      start = raw.indexOf(OPEN_EXPRESSION, at);
      if (start < 0) {
        if (at < raw.length) addText(segments, raw.slice(at));
        break;
      }
    }
    if (failed) return token;
    const [one] = segments;
    if (segments.length === 1 && one instanceof BasicExpressionToken) {
      const text = stringLiteral(one.expression);
      return text === undefined ? one : new StringToken(this.fileId, token.range, text, undefined);
    }
    const format: string[] = [];
    const args: string[] = [];
    const expressions: BasicExpressionToken[] = [];
    for (const segment of segments) {
      if (typeof segment === 'string') {
        format.push(segment.replace(/'/g, "''").replace(/\{/g, '{{').replace(/\}/g, '}}'));
      } else {
        format.push(`{${expressions.length}}`);
        args.push(', ', segment.expression);
        expressions.push(segment);
      }
    }
    const expression = `format('${format.join('')}'${args.join('')})`;
    return new BasicExpressionToken(
      this.fileId,
      token.range,
      expression,
      plan.info,
      expressions,
      raw,
      undefined,
      token.blockScalarHeader,
    );
  }

  /** One expression's text (between `${{` and `}}`) checked; undefined after an error. */
  private expression(
    token: StringToken,
    text: string,
    range: TokenRange,
    plan: Plan,
  ): BasicExpressionToken | undefined {
    const trimmed = text.trim();
    if (!trimmed) {
      this.context.error(token, 'An expression was expected', range);
      return undefined;
    }
    if (trimmed.startsWith(INSERT_DIRECTIVE)) decline();
    const error = checkExpression(plan, trimmed);
    if (error !== null) {
      this.context.error(token, error, range);
      return undefined;
    }
    const before = text.length - text.trimStart().length;
    const after = text.length - text.trimEnd().length;
    const inner = {
      start: { line: range.start.line, column: range.start.column + OPEN_EXPRESSION.length + before },
      end: { line: range.end.line, column: range.end.column - CLOSE_EXPRESSION.length - after },
    };
    const { fileId } = this;
    return new BasicExpressionToken(
      fileId,
      range,
      trimmed,
      plan.info,
      undefined,
      token.source,
      inner,
      token.blockScalarHeader,
    );
  }
}

/**
 * GitHub's check of an expression against the plan's allowed context, kept: the message of the error it throws (as
 * `TemplateContext.error` takes it), or null.
 */
function checkExpression(plan: Plan, expression: string): string | null {
  const checks = plan.checks;
  let error = checks.get(expression);
  if (error === undefined) {
    error = null;
    try {
      ExpressionToken.validateExpression(expression, plan.info.allowedContext);
    } catch (thrown) {
      error = String((thrown as { message?: unknown } | null | undefined)?.message ?? thrown);
    }
    if (checks.size >= KEPT_CHECKS) checks.clear();
    checks.set(expression, error);
  }
  return error;
}

/** Where the `}}` closing the expression opened at `start` ends (quotes skipped), or -1. */
function closingBrace(raw: string, start: number): number {
  let quoted = false;
  for (let i = start + OPEN_EXPRESSION.length; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 39) quoted = !quoted;
    else if (!quoted && c === 125 && raw.charCodeAt(i - 1) === 125) return i;
  }
  return -1;
}

/** An expression's range in a string written over several lines (as GitHub's reader counts it in `source`). */
function blockRange(raw: string, range: TokenRange, start: number, end: number): TokenRange {
  const before = raw.substring(0, start);
  let line = range.start.line + 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  const lineStart = before.lastIndexOf('\n');
  return { start: { line, column: start - lineStart }, end: { line, column: end - lineStart + 1 } };
}

/** Text between expressions, joined to the text before it. */
function addText(segments: Segment[], text: string): void {
  const last = segments.length - 1;
  const previous = segments[last];
  if (typeof previous === 'string') segments[last] = previous + text;
  else segments.push(text);
}

/** The value of an expression that is one string literal (`'it''s'`), else undefined. */
function stringLiteral(expression: string): string | undefined {
  let out = '';
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i] as string;
    if (c === "'") {
      quoted = !quoted;
      if (quoted && i !== 0) out += c;
    } else if (!quoted) return undefined;
    else out += c;
  }
  return out;
}

/**
 * The property `name` among several mapping definitions (the last that has it), and the definitions left: those that
 * have it, when some do not.
 */
function matchProperty(
  plan: Plan,
  definitions: readonly MappingDefinition[],
  name: string,
): { property: Property | null; definitions: readonly MappingDefinition[] } {
  const having = plan.having(name);
  let found: MappingDefinition | undefined;
  let missing = false;
  for (const definition of definitions) {
    if (having.has(definition)) found = definition;
    else missing = true;
  }
  if (found === undefined) return { property: null, definitions };
  const left = missing ? definitions.filter((d) => having.has(d)) : definitions;
  // The property's value is read under the one-of's plan, as GitHub's reader reads it.
  return { property: plan.property(found, name), definitions: left };
}

/** A mapping definition's required properties, each with its name upper-cased (as keys are compared). */
const REQUIRED = new WeakMap<MappingDefinition, readonly (readonly [string, string])[]>();

function requiredOf(mapping: MappingDefinition): readonly (readonly [string, string])[] {
  let required = REQUIRED.get(mapping);
  if (required === undefined) {
    required = Object.keys(mapping.properties)
      .filter((name) => mapping.properties[name]?.required)
      .map((name) => [name, name.toUpperCase()] as const);
    REQUIRED.set(mapping, required);
  }
  return required;
}

/** The properties only one of the definitions has, sorted (the background steps' own left out). */
function distinctProperties(definitions: readonly MappingDefinition[]): string[] {
  const count = new Map<string, number>();
  for (const definition of definitions) {
    for (const name of Object.keys(definition.properties)) count.set(name, (count.get(name) ?? 0) + 1);
  }
  return [...count]
    .filter(([name, n]) => n === 1 && !BACKGROUND_STEP_ONLY_PROPERTIES.has(name))
    .map(([name]) => name)
    .sort();
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

/**
 * The tree read from `type` of the context's schema, its errors added to the context; undefined when this reader
 * declines it (the context then holds errors of its own: the caller starts GitHub's reader on a new one).
 */
export function readTree(
  context: TemplateContext,
  type: string,
  root: YamlNode,
  fileId: number,
  lines: Lines,
): TemplateToken | undefined {
  if (context.state.featureFlags !== undefined) return undefined;
  try {
    return new TreeReader(context, fileId, lines).read(root, schemaOf(context.schema).root(type));
  } catch (error) {
    // Declined, or nested past the stack: GitHub's reader meets the same tree and gives its own outcome.
    if (error instanceof Decline || error instanceof RangeError) return undefined;
    throw error;
  }
}
