import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  managedKey,
  paired,
  policyDrift
} from "./shared-sources-aws-iam-drift.js";
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/aws-org-drift.ts
var ORG_SIDE = {
  who: "Organizations",
  fix: 'Export the SCPs and RCPs again (docs/policy-folder.md, "Exporting the SCPs and RCPs of one account"), so that runs without live reads check what Organizations holds.'
};
function orgDrift(account, type, fileLevels, liveLevels) {
  if (fileLevels === void 0) return [];
  const make = findingMaker({
    idPrefix: `aws-files:${account}:${type}`,
    subject: `policy files for account ${account}`
  });
  const kind = type === "scp" ? "SCP" : "RCP";
  const files = type === "scp" ? fileLevels : [fileLevels.flat()];
  const live = type === "scp" ? liveLevels : [liveLevels.flat()];
  const drafts = [];
  if (type === "scp" && files.length !== live.length) {
    drafts.push({
      class: "stale-export",
      suffix: "levels",
      decisionPoint: type,
      message: `The policy files give ${kind}s at ${files.length} organization level(s); Organizations answered ${live.length} (${live.length === 0 ? `no ${kind} applies to account ${account}` : "the root, each OU above the account, and the account"}). Organizations' answer is the one checked.`,
      evidence: { files: files.length, organizations: live.length },
      fix: ORG_SIDE.fix
    });
  }
  const levels = Math.max(files.length, live.length);
  for (let level = 0; level < levels; level++) {
    const what = type === "scp" ? `the SCP at level ${level}` : "the RCP";
    for (const [f, l] of paired(files[level] ?? [], live[level] ?? [], managedKey)) {
      drafts.push(...policyDrift(type, what, f, l, ORG_SIDE).map(atLevel(level)));
    }
  }
  return drafts.map(make);
}
var atLevel = (level) => (draft) => ({ ...draft, suffix: `${level}:${draft.suffix ?? ""}` });
function resourceDrift(files, live, absent) {
  const make = findingMaker({ idPrefix: "aws-files:resource-policy", subject: "policy files for resource policies" });
  const drafts = [];
  for (const rp of live) {
    const file = files.find((f) => f.resourceArn === rp.resourceArn);
    if (file)
      drafts.push(
        ...policyDrift("resource-policy", "the resource policy of", file.policy, rp.policy, sideOf(rp.resourceArn))
      );
  }
  for (const arn of absent) {
    const file = files.find((f) => f.resourceArn === arn);
    if (file)
      drafts.push(...policyDrift("resource-policy", "the resource policy of", file.policy, void 0, sideOf(arn)));
  }
  return drafts.map(make);
}
function sideOf(arn) {
  if (arn.includes(":kms:")) {
    return {
      who: "KMS",
      fix: `Export the key policy again (aws kms get-key-policy --key-id ${arn} --policy-name default), as docs/policy-folder.md says.`
    };
  }
  const bucket = arn.slice(arn.lastIndexOf(":") + 1);
  return {
    who: "S3",
    fix: `Export the bucket policy again (aws s3api get-bucket-policy --bucket ${bucket}), or remove the file if the bucket has none, as docs/policy-folder.md says.`
  };
}
export {
  orgDrift,
  resourceDrift
};
