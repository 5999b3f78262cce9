import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env } from "@/lib/config/env";
import { badRequest } from "@/lib/errors/gateway-error";

const PRIVATE_V4: Array<[number, number]> = [
  [0x00000000, 8], [0x0a000000, 8], [0x64400000, 10], [0x7f000000, 8], [0xa9fe0000, 16],
  [0xac100000, 12], [0xc0000000, 24], [0xc0a80000, 16], [0xc6120000, 15], [0xe0000000, 4], [0xf0000000, 4],
];

function v4ToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

/** Loopback, private, link-local, shared, multicast and reserved ranges, v4 and v6. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const n = v4ToInt(ip);
    return PRIVATE_V4.some(([base, bits]) => (n >>> (32 - bits)) === (base >>> (32 - bits)));
  }
  const lower = ip.toLowerCase();
  if (lower.startsWith("::ffff:")) return isPrivateAddress(lower.slice(7));
  return lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith("ff");
}

/**
 * Refuses URLs whose host resolves to a private or loopback address, checked after DNS resolution,
 * unless the operator allows it (ALLOW_PRIVATE_UPSTREAMS=true, e.g. for a local Ollama).
 */
export async function assertPublicUrl(raw: string, what: string): Promise<void> {
  if (env().ALLOW_PRIVATE_UPSTREAMS) return;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw badRequest(`${what} host '${host}' does not resolve`);
  if (addresses.some(isPrivateAddress)) throw badRequest(`${what} must not point at a private or loopback address (${host})`);
}
