import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { env } from "@/lib/config/env";
import { badRequest } from "@/lib/errors/gateway-error";

const PRIVATE_V4: Array<[number, number]> = [
  [0x00000000, 8], [0x0a000000, 8], [0x64400000, 10], [0x7f000000, 8], [0xa9fe0000, 16],
  [0xac100000, 12], [0xc0000000, 24], [0xc0000200, 24], [0xc0a80000, 16], [0xc6120000, 15],
  [0xc6336400, 24], [0xcb007100, 24], [0xe0000000, 4], [0xf0000000, 4],
];

function v4ToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

function isPrivateV4(n: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
}

/** The eight 16-bit groups of an IPv6 address, with `::` expanded and a dotted IPv4 tail converted. */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split("%")[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const n = v4ToInt(dotted);
    text = text.slice(0, -dotted.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((group) => parseInt(group, 16));
}

/** Loopback, private, link-local, shared, documentation, multicast and reserved ranges, v4 and v6. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return isPrivateV4(v4ToInt(ip));
  if (isIP(ip.split("%")[0]) !== 6) return true;
  const g = v6Groups(ip);
  const embeddedV4 = ((g[6] << 16) | g[7]) >>> 0;
  const zero = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  const zeroPrefix = (count: number) => zero(0, count);
  if (zeroPrefix(7) && g[7] <= 1) return true; // :: and ::1
  if (zeroPrefix(5) && g[5] === 0xffff) return isPrivateV4(embeddedV4); // IPv4-mapped
  if (zeroPrefix(6)) return isPrivateV4(embeddedV4); // IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return isPrivateV4(embeddedV4); // NAT64 64:ff9b::/96
  if (g[0] === 0x2002) return isPrivateV4(((g[1] << 16) | g[2]) >>> 0); // 6to4 carries an IPv4 address
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (g[0] === 0x0100 && zero(1, 4)) return true; // discard-only
  return (g[0] & 0xfe00) === 0xfc00 || (g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0 || (g[0] & 0xff00) === 0xff00;
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve) => dns.lookup(host, { all: true }, (error, addresses) => resolve(error ? [] : addresses)));
}

const hostOf = (raw: string) => new URL(raw).hostname.replace(/^\[|\]$/g, "");

/**
 * Refuses URLs whose host resolves to a private or loopback address, checked after DNS resolution,
 * unless the operator allows it (ALLOW_PRIVATE_UPSTREAMS=true, e.g. for a local Ollama).
 */
export async function assertPublicUrl(raw: string, what: string): Promise<void> {
  if (env().ALLOW_PRIVATE_UPSTREAMS) return;
  const host = hostOf(raw);
  const addresses = isIP(host) ? [host] : (await resolveAll(host)).map((a) => a.address);
  if (addresses.length === 0) throw badRequest(`${what} host '${host}' does not resolve`);
  if (addresses.some(isPrivateAddress)) throw badRequest(`${what} must not point at a private or loopback address (${host})`);
}

export const PRIVATE_ADDRESS_CODE = "EPRIVATEADDRESS";

function privateAddressError(host: string, address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${host} resolves to a private or loopback address (${address})`), { code: PRIVATE_ADDRESS_CODE });
}

/** For connections to a user-supplied host: the literal IP case, which never reaches a lookup. */
export function refusePrivateLiteral(raw: string): void {
  const host = hostOf(raw);
  if (isIP(host) && isPrivateAddress(host)) throw privateAddressError(host, host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `dns.lookup` for sockets to user-supplied hosts: the addresses are checked as the connection
 * is made, so a name that resolved to a public address when it was saved and to a private one now
 * (DNS rebinding) is refused.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
    if (blocked) return callback(privateAddressError(hostname, blocked.address), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
