/**
 * Declared and inferred permission lines as one list, each marked with where it came from, for the report to show
 * which is which. An inferred line that a declared line already covers (the same action, and a declared resource
 * pattern that matches every resource the inferred one does, IAM wildcards read as in
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards)
 * is not added again: the declared line names it. Identical inferred lines from several places are one line that
 * keeps every place.
 */
import { globCovers } from '../../iam/glob.js';
import type { RequiredPermission } from '../../model/aws.js';
import type { InferredPermission } from './model.js';

/** One line of the merged list. */
export type MergedPermission =
  | {
      readonly source: 'declared';
      readonly permission: RequiredPermission;
      /** The inferred lines this declared line covers. */
      readonly covers: readonly InferredPermission[];
    }
  | {
      readonly source: 'inferred';
      readonly permission: RequiredPermission;
      /** Every place the line was inferred from, the first one's origin in `permission`. */
      readonly from: readonly InferredPermission[];
    };

/** Merges the declared lines (kept first, in order) with the inferred ones not covered by them. */
export function mergeWithDeclared(
  declared: readonly RequiredPermission[],
  inferred: readonly InferredPermission[],
): MergedPermission[] {
  const covers = declared.map(() => [] as InferredPermission[]);
  const byLine = new Map<string, InferredPermission[]>();
  for (const line of inferred) {
    const index = declared.findIndex((d) => coveredBy(d, line));
    if (index >= 0) {
      covers[index]?.push(line);
      continue;
    }
    // Lines that differ only in the context keys they fix (`s3:prefix`) are different requests.
    const key = `${line.action.toLowerCase()} ${line.resource} ${JSON.stringify(line.permission.context)}`;
    const places = byLine.get(key);
    if (places) places.push(line);
    else byLine.set(key, [line]);
  }
  return [
    ...declared.map((permission, i) => ({ source: 'declared' as const, permission, covers: covers[i] ?? [] })),
    ...[...byLine.values()].map((from) => ({
      source: 'inferred' as const,
      permission: (from[0] as InferredPermission).permission,
      from,
    })),
  ];
}

/** Action names are case-insensitive (reference_policies_elements_action.html); resources are not. */
function coveredBy(declared: RequiredPermission, line: InferredPermission): boolean {
  return declared.action.toLowerCase() === line.action.toLowerCase() && globCovers(declared.resource, line.resource);
}
