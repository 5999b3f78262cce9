import type { LookupAddress } from "node:dns";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { assertPublicUrl, isPrivateAddress, publicOnlyLookup, refusePrivateLiteral } from "./public-address";

const resolved = vi.hoisted(() => new Map<string, string[]>());
vi.mock("node:dns", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns")>();
  const lookup = (host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const addresses = resolved.get(host);
    if (!addresses) return real.lookup(host, options as never, callback as never);
    const entries = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    if (options.all) callback(null, entries);
    else callback(null, entries[0].address, entries[0].family);
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

function lookupVia(host: string, all: boolean): Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[] }> {
  return new Promise((resolve) => publicOnlyLookup(host, { all }, (error, address) => resolve({ error, address })));
}

describe("private address checks for user-supplied URLs", () => {
  afterEach(() => {
    process.env.ALLOW_PRIVATE_UPSTREAMS = "true";
    resetEnvCache();
    resolved.clear();
  });

  it("knows loopback, private, link-local and mapped addresses from public ones", () => {
    const privateOnes = [
      "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "198.18.0.1",
      "::", "::1", "fd00::1", "fe80::1", "fe80::1%eth0", "ff02::1", "2001:db8::1",
      // IPv4 inside IPv6, in every spelling the URL parser or a resolver may produce:
      "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "0:0:0:0:0:ffff:10.0.0.1", "::127.0.0.1", "::7f00:1",
      "64:ff9b::127.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::1", "2002:c0a8:101::",
    ];
    for (const ip of privateOnes) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2a00:1450:4001::200e"]) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });

  it("refuses private targets after resolving them, unless the operator allows them", async () => {
    process.env.ALLOW_PRIVATE_UPSTREAMS = "false";
    resetEnvCache();
    await expect(assertPublicUrl("http://localhost:11434/v1", "Base URL")).rejects.toThrow(/private or loopback/);
    await expect(assertPublicUrl("http://169.254.169.254/latest", "Image URL")).rejects.toMatchObject({ status: 400 });
    await expect(assertPublicUrl("http://[::ffff:127.0.0.1]:8080/v1", "Base URL")).rejects.toThrow(/private or loopback/);
    await expect(assertPublicUrl("http://2130706433/v1", "Base URL")).rejects.toThrow(/private or loopback/);
    resolved.set("split-horizon.example", ["93.184.216.34", "10.0.0.7"]);
    await expect(assertPublicUrl("https://split-horizon.example/v1", "Base URL")).rejects.toThrow(/private or loopback/);
    resolved.set("api.example", ["93.184.216.34"]);
    await expect(assertPublicUrl("https://api.example/v1", "Base URL")).resolves.toBeUndefined();
    process.env.ALLOW_PRIVATE_UPSTREAMS = "true";
    resetEnvCache();
    await expect(assertPublicUrl("http://localhost:11434/v1", "Base URL")).resolves.toBeUndefined();
  });

  it("checks the addresses again when a socket connects, in both lookup shapes", async () => {
    resolved.set("rebind.example", ["93.184.216.34"]);
    expect(await lookupVia("rebind.example", false)).toEqual({ error: null, address: "93.184.216.34" });
    expect(await lookupVia("rebind.example", true)).toEqual({ error: null, address: [{ address: "93.184.216.34", family: 4 }] });
    resolved.set("rebind.example", ["127.0.0.1"]);
    for (const all of [false, true]) {
      const { error } = await lookupVia("rebind.example", all);
      expect(error).toMatchObject({ code: "EPRIVATEADDRESS", message: "rebind.example resolves to a private or loopback address (127.0.0.1)" });
    }
    expect(() => refusePrivateLiteral("http://[::1]:11434/v1")).toThrow(/private or loopback/);
    expect(() => refusePrivateLiteral("http://169.254.169.254/latest")).toThrow(/private or loopback/);
    expect(() => refusePrivateLiteral("https://rebind.example/v1")).not.toThrow();
  });
});
