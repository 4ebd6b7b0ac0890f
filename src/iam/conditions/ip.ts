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

/**
 * Parses IPv6 text into four 32-bit words; undefined when invalid (zone ids included). One scan,
 * no intermediate strings: request values are parsed on every evaluation.
 */
export function parseIpv6(text: string): number[] | undefined {
  const groups: number[] = [];
  let gap = -1;
  let i = 0;
  if (text.startsWith('::')) {
    gap = 0;
    i = 2;
  }
  while (i < text.length) {
    let value = 0;
    let j = i;
    for (let h = hexValue(text.charCodeAt(j)); h >= 0 && j - i < 4; h = hexValue(text.charCodeAt(++j))) {
      value = value * 16 + h;
    }
    const next = text.charCodeAt(j);
    if (next === 46 /* . */) {
      // An embedded dotted quad fills the last two groups (RFC 4291 section 2.2, form 3).
      const v4 = parseIpv4(text.slice(i));
      if (v4 < 0) return undefined;
      groups.push(Math.floor(v4 / 0x10000), v4 % 0x10000);
      break;
    }
    if (j === i || groups.push(value) > 8) return undefined;
    if (j === text.length) break;
    if (next !== 58 /* : */) return undefined;
    if (text.charCodeAt(j + 1) === 58) {
      if (gap >= 0) return undefined;
      gap = groups.length;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === text.length) return undefined;
    }
  }
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return undefined;
  if (gap >= 0) groups.splice(gap, 0, ...new Array<number>(8 - groups.length).fill(0));
  const words: number[] = [];
  for (let k = 0; k < 8; k += 2) words.push(((groups[k] ?? 0) * 0x10000 + (groups[k + 1] ?? 0)) >>> 0);
  return words;
}

/** The value of a hex digit's char code, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
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

/**
 * The mask word for a word whose first `bits` bits (clamped to 0-32) are network bits. JS shifts
 * count modulo 32, so `x << 32` is `x`: the two ends are spelled out.
 */
function maskWord(bits: number): number {
  if (bits <= 0) return 0;
  return bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
}

/** True when the IPv6 words fall in the range; `>>> 0` keeps each masked word unsigned. */
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

/** Splits the ranges by family once, so that a request address is checked against its own only. */
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
