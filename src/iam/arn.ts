/**
 * ARN parsing: `arn:partition:service:region:account:resource`. The resource part may itself
 * hold colons, so only the first five separators split
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
 */

/** The six fields of an ARN. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its fields, or returns undefined when the text is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const end = text.indexOf(':', start);
    if (end < 0) return undefined;
    parts.push(text.slice(start, end));
    start = end + 1;
  }
  const [partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: text.slice(start) };
}

/** One of the first four fields of an ARN (0 partition, 1 service, 2 region, 3 account), or undefined. */
export function arnField(text: string, index: 0 | 1 | 2 | 3): string | undefined {
  if (!text.startsWith('arn:')) return undefined;
  let start = 4;
  for (let i = 0; ; i++) {
    const end = text.indexOf(':', start);
    if (end < 0) return undefined;
    if (i === index) return text.slice(start, end);
    start = end + 1;
  }
}

/** The five fields of an ARN pattern after `arn:`, in the order they are matched. */
export const ARN_FIELDS = ['partition', 'service', 'region', 'account', 'resource'] as const;
