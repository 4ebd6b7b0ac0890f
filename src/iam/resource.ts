/**
 * Resource and NotResource matching. An ARN pattern matches field by field (partition, service,
 * region, account, resource), case-sensitively; `*` inside the resource field spans `/` and `:`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Policy variables are substituted first, and substituted text matches literally. A variable with no
 * value leaves the entry undecided (`undefined`): AWS says the statement then does not take effect
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value),
 * whether it sits in Resource or in NotResource.
 */
import { ARN_FIELDS, type Arn, parseArn } from './arn.js';
import { compileGlob, hasWildcard, type Matcher, matchGlob } from './glob.js';
import type { PreparedRequest } from './request.js';
import { compileTemplateGlob, parseTemplate } from './variables.js';

/** True, false, or undefined when a policy variable in the entry has no value. */
export type ResourceMatch = (request: PreparedRequest) => boolean | undefined;

const ALL: ResourceMatch = () => true;

/**
 * Whether a pattern can be matched against the whole request ARN with one glob: no policy variable, and no
 * wildcard before the resource field. With no wildcard there, matching the whole ARN is the same as matching
 * field by field (the literal head pins the first five fields).
 */
function isWholeGlob(pattern: string, substitute: boolean): boolean {
  // A string without `${` holds no variable: only one with it need be parsed as a template.
  if (substitute && pattern.includes('${') && parseTemplate(pattern, substitute).dynamic) return false;
  return !headTextHasWildcard(pattern);
}

/** {@link headHasWildcard} of the ARN the text spells, read in place (false when the text is not an ARN). */
function headTextHasWildcard(text: string): boolean {
  if (!text.startsWith('arn:')) return false;
  let wild = false;
  let start = 4;
  for (let field = 0; field < 4; field++) {
    const end = text.indexOf(':', start);
    if (end < 0) return false; // fewer than five fields: not an ARN
    for (let i = start; i < end && !wild; i++) {
      const c = text.charCodeAt(i);
      wild = c === 42 || c === 63; // `*` or `?`
    }
    start = end + 1;
  }
  return wild;
}

/** Whether a wildcard sits in an ARN's partition, service, region or account field. */
function headHasWildcard(fields: Arn | undefined): boolean {
  return fields !== undefined && ARN_FIELDS.slice(0, 4).some((f) => hasWildcard(fields[f]));
}

function compileOne(pattern: string, substitute: boolean): ResourceMatch {
  if (pattern === '*') return ALL;
  const template = parseTemplate(pattern, substitute && pattern.includes('${'));
  const fields = parseArn(pattern);
  // A variable before the resource field may hold a colon (`${aws:PrincipalAccount}`): match it whole.
  const splittable = fields !== undefined && !ARN_FIELDS.slice(0, 4).some((f) => fields[f].includes('${'));
  if (!template.dynamic) {
    const whole = compileGlob(pattern);
    if (!splittable || !headHasWildcard(fields)) return (req) => whole(req.resource);
    // Field-wise: a wildcard in the region or account field cannot swallow the colons around it.
    const [partition, service, region, account, resource] = ARN_FIELDS.map((f) => compileGlob(fields[f])) as [
      Matcher,
      Matcher,
      Matcher,
      Matcher,
      Matcher,
    ];
    return (req) => {
      const arn = req.resourceArn;
      if (!arn) return whole(req.resource);
      return (
        service(arn.service) &&
        resource(arn.resource) &&
        account(arn.account) &&
        region(arn.region) &&
        partition(arn.partition)
      );
    };
  }
  const whole = compileTemplateGlob(template);
  if (!splittable) return (req) => whole(req.context)?.(req.resource);
  const matchers = ARN_FIELDS.map((f) => compileTemplateGlob(parseTemplate(fields[f], substitute)));
  return (req) => {
    const arn = req.resourceArn;
    if (!arn) return whole(req.context)?.(req.resource);
    let result = true;
    for (let i = 0; i < ARN_FIELDS.length; i++) {
      const m = matchers[i]?.(req.context);
      if (!m) return undefined;
      if (result && !m(arn[ARN_FIELDS[i] as (typeof ARN_FIELDS)[number]])) result = false;
    }
    return result;
  };
}

/**
 * The patterns of a Resource (or NotResource) list when every one is a whole-ARN glob: a statement then keeps
 * the strings and tests them with {@link matchGlob} itself, with no matcher objects to reach through.
 */
export function wholeGlobs(patterns: readonly string[], substitute: boolean): readonly string[] | undefined {
  if (patterns.includes('*')) return ['*'];
  return patterns.every((p) => isWholeGlob(p, substitute)) ? patterns : undefined;
}

/** Whether a request resource matches one of a list of whole-ARN globs. */
export function matchesAnyGlob(globs: readonly string[], resource: string): boolean {
  for (let i = 0; i < globs.length; i++) {
    const glob = globs[i] as string;
    if (glob === resource || matchGlob(glob, resource)) return true;
  }
  return false;
}

/**
 * Compiles a Resource (or NotResource) list: true when any entry matches; undefined when none
 * matches and some entry holds a variable with no value.
 */
export function compileResources(patterns: readonly string[], substitute: boolean): ResourceMatch {
  if (patterns.includes('*')) return ALL;
  const compiled = patterns.map((p) => compileOne(p, substitute));
  if (compiled.length === 1) return compiled[0] as ResourceMatch;
  return (req) => {
    let undecided = false;
    for (const c of compiled) {
      const r = c(req);
      if (r) return true;
      if (r === undefined) undecided = true;
    }
    return undecided ? undefined : false;
  };
}
