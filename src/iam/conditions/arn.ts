/**
 * ARN condition operators: ArnEquals, ArnLike, ArnNotEquals and ArnNotLike
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
 * "Each of the six colon-delimited components of the ARN is checked separately and each can
 * include" `*` and `?`; "ArnEquals and ArnLike behave identically", as do the two negated ones.
 * Matching is case-sensitive. So `*` never crosses a colon between fields, while the resource
 * field, the rest of the ARN, may hold colons. A request value that is not an ARN satisfies
 * neither the operator nor its negation. Policy variables are supported; a substituted value
 * (which may itself hold colons, as `${aws:PrincipalArn}` does) matches literally.
 */
import { type Arn, parseArn } from '../arn.js';
import { compileGlob, type Matcher } from '../glob.js';
import { compileTemplateGlob, parseTemplate, resolveVariable, type Template } from '../variables.js';
import type { CompiledValues, ContextMap, OperatorSpec, PolicyScalar, ValueCompiler, ValueTest } from './index.js';
import { hasVariable } from './string.js';

/** Matchers for the five fields after `arn:`. */
interface ArnMatcher {
  readonly partition: Matcher;
  readonly service: Matcher;
  readonly region: Matcher;
  readonly account: Matcher;
  readonly resource: Matcher;
}

const NO_CONTEXT: ContextMap = new Map();

// Characters that would act as wildcards or start an escape if a substituted value kept them.
const GLOB_CHARACTERS = /[*?$]/g;

/** The four ARN operators: two names for each behaviour. */
export const ARN_OPERATORS: readonly OperatorSpec[] = [
  defineArn('ArnEquals', false),
  defineArn('ArnLike', false),
  defineArn('ArnNotEquals', true),
  defineArn('ArnNotLike', true),
];

function defineArn(name: string, negated: boolean): OperatorSpec {
  return { name, negated, compile: (values, compiler) => compileArn(values, compiler, negated) };
}

/**
 * Splits a policy ARN into its six fields at the first five colons, skipping colons inside
 * `${...}` (a variable's name has one). Undefined when there are fewer than six fields: such a
 * value matches no ARN.
 */
export function splitArnPattern(raw: string, substitute: boolean): string[] | undefined {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length && fields.length < 5; i++) {
    if (substitute && raw.startsWith('${', i)) {
      const close = raw.indexOf('}', i + 2);
      if (close > 0) i = close;
    } else if (raw[i] === ':') {
      fields.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  if (fields.length < 5) return undefined;
  fields.push(raw.slice(start));
  return fields;
}

function compileArn(values: readonly PolicyScalar[], compiler: ValueCompiler, negated: boolean): CompiledValues {
  const fixed: ArnMatcher[] = [];
  const dynamic: ((context: ContextMap) => ArnMatcher | null | undefined)[] = [];
  for (const value of values) {
    const template = parseTemplate(String(value), compiler.substitute);
    if (hasVariable(template)) dynamic.push(compileDynamicPattern(template));
    else {
      const matcher = compileArnPattern(template.raw, compiler.substitute);
      if (matcher) fixed.push(matcher);
    }
  }
  if (dynamic.length === 0) return compileArnTest(fixed, negated);
  return {
    bind(context) {
      const matchers = fixed.slice();
      for (const factory of dynamic) {
        const matcher = factory(context);
        if (matcher === undefined) return undefined;
        if (matcher) matchers.push(matcher);
      }
      return compileArnTest(matchers, negated);
    },
  };
}

/** Compiles a policy ARN whose variables are resolved; null when it cannot match any ARN. */
function compileArnPattern(raw: string, substitute: boolean): ArnMatcher | null {
  const fields = splitArnPattern(raw, substitute);
  return (fields && toArnMatcher(fields.map((f) => compileField(parseTemplate(f, substitute))))) ?? null;
}

/**
 * A value with variables is substituted first and split into fields after, so a variable may
 * fill several fields (`${aws:SourceArn}`) or hold colons. Substituted text is re-escaped
 * (`*` → `${*}`) so that it matches literally. Compiled patterns are cached by their text.
 */
function compileDynamicPattern(template: Template): (context: ContextMap) => ArnMatcher | null | undefined {
  const cache = new Map<string, ArnMatcher | null>();
  return (context) => {
    let raw = '';
    for (const part of template.parts) {
      // Policy text keeps its wildcards; a `$` in it is escaped too, so no `${` can form anew.
      if (part.kind === 'text') raw += part.text.replaceAll('$', '$${$}');
      else {
        const text = part.kind === 'literal' ? part.text : resolveVariable(part, context);
        if (text === undefined) return undefined;
        raw += text.replace(GLOB_CHARACTERS, '$${$&}');
      }
    }
    let matcher = cache.get(raw);
    if (matcher === undefined) {
      matcher = compileArnPattern(raw, true);
      if (cache.size >= 256) cache.clear();
      cache.set(raw, matcher);
    }
    return matcher;
  };
}

/** A field: a glob where policy text keeps its wildcards and escapes match literally. */
function compileField(template: Template): Matcher {
  if (!template.dynamic) return compileGlob(template.raw);
  return compileTemplateGlob(template)(NO_CONTEXT) ?? (() => false);
}

/** Names the six field matchers; undefined when the first field cannot match the text `arn`. */
function toArnMatcher(fields: readonly Matcher[]): ArnMatcher | undefined {
  const [prefix, partition, service, region, account, resource] = fields;
  if (!prefix?.('arn') || !partition || !service || !region || !account || !resource) return undefined;
  return { partition, service, region, account, resource };
}

function matchArn(m: ArnMatcher, arn: Arn): boolean {
  return (
    m.partition(arn.partition) &&
    m.service(arn.service) &&
    m.region(arn.region) &&
    m.account(arn.account) &&
    m.resource(arn.resource)
  );
}

function compileArnTest(patterns: readonly ArnMatcher[], negated: boolean): ValueTest {
  return (v) => {
    const arn = parseArn(v);
    if (!arn) return false;
    for (const pattern of patterns) if (matchArn(pattern, arn)) return !negated;
    return negated;
  };
}
