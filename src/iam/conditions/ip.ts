/**
 * IP address condition operators: IpAddress and NotIpAddress
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress).
 * Policy values are IPv4 or IPv6 addresses or CIDR ranges; "if you specify an IP address without
 * the associated routing prefix, IAM uses the default prefix value of /32" (and /128 for IPv6,
 * a single address). Policy variables and wildcards are not supported.
 *
 * Addresses compare by value, not by spelling: IPv6 is parsed per RFC 4291 section 2.2 (`::`,
 * leading zeros, any case, an embedded dotted quad). The families never cross: an IPv4 request
 * is never inside an IPv6 range, and an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is an IPv6
 * address, inside `::ffff:0:0/96` but not inside `192.0.2.0/24`.
 */
import type { OperatorSpec, PolicyScalar, ValueCompiler, ValueTest } from './index.js';

/** An address: IPv4 as one unsigned 32-bit number, IPv6 as four, most significant first. */
export type IpAddressValue = number | readonly number[];

/** A CIDR range, its network and mask split into 32-bit words (one for IPv4, four for IPv6). */
interface IpRange {
  readonly network: readonly number[];
  readonly mask: readonly number[];
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Parses dotted-quad IPv4 (no leading zeros, which some parsers read as octal); -1 when invalid. */
export function parseIpv4(text: string): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && !(digits > 0 && octet === 0)) {
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return -1;
    } else {
      return -1;
    }
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : -1;
}

/** Parses IPv6 text into four 32-bit words; undefined when invalid (zone ids included). */
export function parseIpv6(text: string): number[] | undefined {
  const gap = text.indexOf('::');
  if (gap >= 0 && text.indexOf('::', gap + 1) >= 0) return undefined;
  const head = gap < 0 ? text : text.slice(0, gap);
  const tail = gap < 0 ? '' : text.slice(gap + 2);
  const headGroups = readGroups(head, gap < 0);
  const tailGroups = readGroups(tail, true);
  if (!headGroups || !tailGroups) return undefined;
  const count = headGroups.length + tailGroups.length;
  if (gap < 0 ? count !== 8 : count > 7) return undefined;
  const groups = [...headGroups, ...new Array<number>(8 - count).fill(0), ...tailGroups];
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push(((groups[i] ?? 0) * 0x10000 + (groups[i + 1] ?? 0)) >>> 0);
  return words;
}

/** 16-bit groups of one side of `::`; the last group may be a dotted quad when `last` is true. */
function readGroups(part: string, last: boolean): number[] | undefined {
  if (part === '') return [];
  const texts = part.split(':');
  const groups: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const group = texts[i] ?? '';
    if (HEX_GROUP.test(group)) {
      groups.push(Number.parseInt(group, 16));
    } else if (last && i === texts.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (v4 < 0) return undefined;
      groups.push(Math.floor(v4 / 0x10000), v4 % 0x10000);
    } else {
      return undefined;
    }
  }
  return groups;
}

/** Parses a single IPv4 or IPv6 address; undefined when it is neither. */
export function parseIpAddress(text: string): IpAddressValue | undefined {
  if (text.includes(':')) return parseIpv6(text);
  const v4 = parseIpv4(text);
  return v4 < 0 ? undefined : v4;
}

/** Parses `address` or `address/prefix` into a range; host bits past the prefix are ignored. */
function parseRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const words = typeof address === 'number' ? [address] : address;
  const bits = words.length * 32;
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  const prefix = Number(prefixText);
  const mask = words.map((_, i) => maskWord(prefix - i * 32));
  return { network: words.map((w, i) => (w & (mask[i] ?? 0)) >>> 0), mask };
}

/** The mask word for a word whose first `bits` bits (clamped to 0-32) are network bits. */
function maskWord(bits: number): number {
  if (bits <= 0) return 0;
  return bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
}

function contains(range: IpRange, words: readonly number[]): boolean {
  for (let i = 0; i < range.network.length; i++) {
    if (((words[i] ?? 0) & (range.mask[i] ?? 0)) >>> 0 !== range.network[i]) return false;
  }
  return true;
}

/** IpAddress and NotIpAddress. */
export const IP_OPERATORS: readonly OperatorSpec[] = [defineIp('IpAddress', false), defineIp('NotIpAddress', true)];

function defineIp(name: string, negated: boolean): OperatorSpec {
  return { name, negated, compile: (values, compiler) => compileIp(values, compiler, negated) };
}

function compileIp(values: readonly PolicyScalar[], compiler: ValueCompiler, negated: boolean): ValueTest | undefined {
  const v4: { readonly network: number; readonly mask: number }[] = [];
  const v6: IpRange[] = [];
  let ok = true;
  values.forEach((value, i) => {
    const range = typeof value === 'string' ? parseRange(value) : undefined;
    if (!range) {
      compiler.reject(i, 'an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24');
      ok = false;
    } else if (range.network.length === 4) {
      v6.push(range);
    } else {
      v4.push({ network: range.network[0] ?? 0, mask: range.mask[0] ?? 0 });
    }
  });
  if (!ok) return undefined;
  // A request value that is not an address satisfies neither IpAddress nor NotIpAddress.
  return (v) => {
    const address = parseIpAddress(v);
    if (address === undefined) return false;
    if (typeof address === 'number') {
      for (const range of v4) if ((address & range.mask) >>> 0 === range.network) return !negated;
      return negated;
    }
    for (const range of v6) if (contains(range, address)) return !negated;
    return negated;
  };
}
