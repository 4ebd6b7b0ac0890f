import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  AWS_PARTITIONS,
  AWS_PARTITIONS_SOURCE
} from "./shared-catalog-arn-format.js";
import {
  editDistance
} from "./shared-text-edit-distance.js";

// src/checks/session/region.ts
var REGIONS_DOC = "https://docs.aws.amazon.com/general/latest/gr/rande.html";
var PARTITION_DOC = "https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html";
var matches = (p, region) => new RegExp(p.regionRegex).test(region);
function closestIn(p, region) {
  let best;
  for (const r of p.regions) {
    const d = editDistance(region, r, 2);
    if (d <= 2 && (best === void 0 || d < best.d)) best = { region: r, d };
  }
  return best?.region;
}
function partitionData(roleArn) {
  const id = roleArn.split(":")[1] ?? "";
  return AWS_PARTITIONS.find((p) => p.id === id);
}
function judgeRegion(roleArn, region) {
  const own = partitionData(roleArn);
  if (!own) return { kind: "partition-unknown" };
  if (own.regions.includes(region)) return { kind: "listed" };
  const elsewhere = AWS_PARTITIONS.find((p) => p.regions.includes(region)) ?? (matches(own, region) ? void 0 : AWS_PARTITIONS.find((p) => matches(p, region)));
  if (elsewhere) return { kind: "other-partition", regionPartition: elsewhere.id };
  const closest = closestIn(own, region);
  if (matches(own, region)) return { kind: "unlisted", ...closest ? { closest } : {} };
  return { kind: "unknown", ...closest ? { closest } : {} };
}
var regionIsKnown = (roleArn, region) => judgeRegion(roleArn, region).kind === "listed";
function checkRegion(settings) {
  const { region, roleArn, regionAt } = settings;
  if (region === void 0) return [];
  const v = judgeRegion(roleArn, region);
  if (v.kind === "listed") return [];
  const partition = roleArn.split(":")[1] ?? "";
  const where = regionAt ? ` (${regionAt.file} line ${regionAt.line})` : "";
  const input = `\`aws-region: ${region}\`${where}`;
  const evidence = { region, partition, data: AWS_PARTITIONS_SOURCE };
  const location = regionAt ? { location: regionAt } : {};
  const guess = (closest) => closest ? ` Did you mean \`${closest}\`?` : "";
  if (v.kind === "partition-unknown" || v.kind === "unlisted") {
    return [
      {
        status: "unverified",
        class: "region-unverified",
        message: v.kind === "unlisted" ? `${input} has the form of a region of the role's partition ${partition}, but AWS's region data (${AWS_PARTITIONS_SOURCE}) does not list it: a region newer than the data, or a typo, where the STS call fails for want of an endpoint.${guess(v.closest)}` : `The role's partition ${partition} is not in AWS's region data (${AWS_PARTITIONS_SOURCE}), so whether ${input} is one of its regions is not known.`,
        evidence,
        fix: `Check ${input} against the regions of the ${partition} partition${v.kind === "unlisted" && v.closest ? `, e.g. ${v.closest}` : ""}.`,
        docUrl: REGIONS_DOC,
        ...location
      }
    ];
  }
  const message = v.kind === "other-partition" ? `${input} is a region of the ${v.regionPartition} partition, and the role ${roleArn} is in ${partition}: the STS of one partition cannot assume a role of another, so the call fails before any permission is used.` : `${input} is no region of any AWS partition (${AWS_PARTITIONS_SOURCE}): the SDK finds no STS endpoint for it, so the call fails before any permission is used.${guess(v.closest)}`;
  const own = partitionData(roleArn);
  return [
    {
      class: "region-invalid",
      message,
      evidence: { ...evidence, ...v.kind === "other-partition" ? { regionPartition: v.regionPartition } : {} },
      fix: `Set \`aws-region\`${where} to a region of the role's partition ${partition}${own?.regions.length ? ` (${own.regions.slice(0, 6).join(", ")}${own.regions.length > 6 ? ", \u2026" : ""})` : ""}${v.kind === "unknown" && v.closest ? `, e.g. ${v.closest}` : ""}.`,
      docUrl: v.kind === "other-partition" ? PARTITION_DOC : REGIONS_DOC,
      ...location
    }
  ];
}

export {
  partitionData,
  regionIsKnown,
  checkRegion
};
