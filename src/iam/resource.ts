/**
 * Resource and NotResource matching. An ARN pattern matches field by field (partition, service,
 * region, account, resource), case-sensitively; `*` inside the resource field spans `/` and `:`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Policy variables are substituted first; substituted text matches literally.
 */
import { ARN_FIELDS, parseArn } from './arn.js';
import type { Matcher } from './glob.js';
import type { ContextEntry, PreparedRequest } from './request.js';
import { compileTemplateGlob, parseTemplate } from './variables.js';

type ContextMatcher = (context: ReadonlyMap<string, ContextEntry>) => Matcher | undefined;

/** One compiled Resource entry. */
type ResourcePattern = (request: PreparedRequest) => boolean;

function compileOne(pattern: string, substitute: boolean): ResourcePattern {
  if (pattern === '*') return () => true;
  const whole = compileTemplateGlob(parseTemplate(pattern, substitute));
  const fields = parseArn(pattern);
  // A variable before the resource field may hold a colon (`${aws:PrincipalAccount}`): match it whole.
  const splittable = fields && !ARN_FIELDS.slice(0, 4).some((f) => fields[f].includes('${'));
  if (!fields || !splittable) return (req) => whole(req.context)?.(req.resource) ?? false;
  // Field-wise: a wildcard in the region or account field cannot swallow the colons around it.
  const matchers: ContextMatcher[] = ARN_FIELDS.map((f) => compileTemplateGlob(parseTemplate(fields[f], substitute)));
  return (req) => {
    const arn = req.resourceArn;
    if (!arn) return whole(req.context)?.(req.resource) ?? false;
    for (let i = 0; i < ARN_FIELDS.length; i++) {
      const field = ARN_FIELDS[i] as (typeof ARN_FIELDS)[number];
      const m = (matchers[i] as ContextMatcher)(req.context);
      if (!m?.(arn[field])) return false;
    }
    return true;
  };
}

/** Compiles a Resource (or NotResource) list; the result is true when any entry matches. */
export function compileResources(patterns: readonly string[], substitute: boolean): (req: PreparedRequest) => boolean {
  if (patterns.includes('*')) return () => true;
  const compiled = patterns.map((p) => compileOne(p, substitute));
  if (compiled.length === 1) return compiled[0] as ResourcePattern;
  return (req) => {
    for (const c of compiled) if (c(req)) return true;
    return false;
  };
}
