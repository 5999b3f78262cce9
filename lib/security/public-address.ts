import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { env } from "@/lib/config/env";
import { badRequest } from "@/lib/errors/gateway-error";
import { IPV4_SPECIAL_PURPOSE, IPV6_EMBEDDING_IPV4, IPV6_SPECIAL_PURPOSE } from "./special-purpose-addresses";

function v4ToBigInt(ip: string): bigint {
  return ip.split(".").reduce((n, part) => (n << 8n) + BigInt(Number(part)), 0n);
}

/** An IPv6 address (already validated by isIP) as 128 bits: `::` expanded, a dotted IPv4 tail converted. */
function v6ToBigInt(ip: string): bigint {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const n = v4ToBigInt(dotted);
    text = text.slice(0, -dotted.length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array(tail === undefined ? 0 : 8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, group) => (n << 16n) + BigInt(parseInt(group, 16)), 0n);
}

interface Block {
  base: bigint;
  shift: bigint;
}

function toBlock(cidr: string, width: number, parse: (ip: string) => bigint): Block {
  const [ip, bits] = cidr.split("/");
  const shift = BigInt(width - Number(bits));
  return { base: parse(ip) >> shift, shift };
}

const inBlock = (n: bigint, block: Block) => n >> block.shift === block.base;
const V4_BLOCKS = IPV4_SPECIAL_PURPOSE.map((range) => toBlock(range.cidr, 32, v4ToBigInt));
const V6_BLOCKS = IPV6_SPECIAL_PURPOSE.map((range) => toBlock(range.cidr, 128, v6ToBigInt));
const V6_EMBEDDING = IPV6_EMBEDDING_IPV4.map((range) => ({ ...toBlock(range.cidr, 128, v6ToBigInt), at: BigInt(range.shift) }));
const GLOBAL_UNICAST = toBlock("2000::/3", 128, v6ToBigInt);

const isSpecialV4 = (n: bigint) => V4_BLOCKS.some((block) => inBlock(n, block));

/**
 * Whether an address is in IANA's special-purpose registries (loopback, private, link-local,
 * shared, documentation, benchmarking, multicast, reserved...). IPv6 forms that carry an IPv4
 * address are judged by that address; other IPv6 outside global unicast (2000::/3) is refused.
 */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return isSpecialV4(v4ToBigInt(ip));
  const bare = ip.split("%")[0];
  if (isIP(bare) !== 6) return true;
  const n = v6ToBigInt(bare);
  const embedding = V6_EMBEDDING.find((block) => inBlock(n, block));
  if (embedding) return isSpecialV4((n >> embedding.at) & 0xffffffffn);
  return !inBlock(n, GLOBAL_UNICAST) || V6_BLOCKS.some((block) => inBlock(n, block));
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
