import { BlockList } from "node:net";
import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "./public-address";
import { IPV4_SPECIAL_PURPOSE, IPV6_EMBEDDING_IPV4, IPV6_SPECIAL_PURPOSE } from "./special-purpose-addresses";

const v4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
const v4Number = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
const hex = (n: number) => `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;

/** First, middle and last address of an IPv4 block, as numbers. */
function v4Samples(cidr: string): number[] {
  const [ip, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const first = v4Number(ip);
  return [...new Set([first, first + Math.floor(size / 2), first + size - 1])];
}

/** Every way an IPv6 address can carry an IPv4 one, hex and dotted. */
const embeddings = (n: number) => [
  `::ffff:${v4(n)}`, `::ffff:${hex(n)}`, `0:0:0:0:0:ffff:${hex(n)}`,
  `::ffff:0:${v4(n)}`, `::ffff:0:${hex(n)}`,
  `::${v4(n)}`, `::${hex(n)}`,
  `64:ff9b::${v4(n)}`, `64:ff9b::${hex(n)}`,
  `2002:${hex(n)}::`, `2002:${hex(n)}:1::1`,
];

function v6Bits(ip: string): bigint {
  const [head, tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g, 16)), 0n);
}
const v6Text = (n: bigint) => Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(":");

/** First and last address of an IPv6 block. */
function v6Samples(cidr: string): string[] {
  const [ip, bits] = cidr.split("/");
  const hostBits = BigInt(128 - Number(bits));
  const first = (v6Bits(ip) >> hostBits) << hostBits;
  return [v6Text(first), v6Text(first + (1n << hostBits) - 1n)];
}

// Node's own matcher over the same table: the oracle for what lies just outside each block.
const listedV4 = new BlockList();
for (const { cidr } of IPV4_SPECIAL_PURPOSE) listedV4.addSubnet(cidr.split("/")[0], Number(cidr.split("/")[1]), "ipv4");

describe("IANA special-purpose addresses are refused as upstreams, in every spelling", () => {
  it.each(IPV4_SPECIAL_PURPOSE)("IPv4 $cidr ($name): first, middle and last address, and inside every IPv6 form", ({ cidr }) => {
    for (const n of v4Samples(cidr)) {
      expect(isPrivateAddress(v4(n)), v4(n)).toBe(true);
      for (const form of embeddings(n)) expect(isPrivateAddress(form), form).toBe(true);
    }
  });

  it.each(IPV4_SPECIAL_PURPOSE)("IPv4 $cidr ($name): the public neighbours on either side stay allowed", ({ cidr }) => {
    const samples = v4Samples(cidr);
    const outside = [samples[0] - 1, samples[samples.length - 1] + 1].filter((n) => n >= 0 && n < 2 ** 32 && !listedV4.check(v4(n), "ipv4"));
    for (const n of outside) {
      expect(isPrivateAddress(v4(n)), v4(n)).toBe(false);
      for (const form of embeddings(n)) expect(isPrivateAddress(form), form).toBe(false);
    }
  });

  it.each([...IPV6_SPECIAL_PURPOSE])("IPv6 $cidr ($name): first and last address", ({ cidr }) => {
    for (const ip of v6Samples(cidr)) expect(isPrivateAddress(ip), ip).toBe(true);
  });

  it("judges each IPv4-carrying IPv6 block by the address inside it", () => {
    expect(IPV6_EMBEDDING_IPV4.map((r) => r.cidr)).toEqual(["::ffff:0:0/96", "::ffff:0:0:0/96", "::/96", "64:ff9b::/96", "2002::/16"]);
    // The review's own probe, and the translated form of the metadata address:
    for (const ip of ["::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe", "::ffff:0:0", "::ffff:0:0:0", "::"]) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["::ffff:0:808:808", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it("refuses IPv6 outside global unicast, Teredo, and zone-scoped or malformed addresses; allows real providers", () => {
    for (const ip of ["4000::1", "1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "fe80::1%eth0", "fec0::1", "ff02::1", "not-an-address", "1.2.3"]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    // api.openai.com, api.anthropic.com, generativelanguage.googleapis.com (v4 and v6).
    for (const ip of ["162.159.140.245", "160.79.104.10", "142.250.74.138", "2606:4700:4400::6812:2a3f", "2607:6bc0::10", "2a00:1450:4001:82b::200a"]) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });
});
