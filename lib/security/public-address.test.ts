import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { assertPublicUrl, isPrivateAddress } from "./public-address";

describe("private address checks for user-supplied URLs", () => {
  afterEach(() => {
    process.env.ALLOW_PRIVATE_UPSTREAMS = "true";
    resetEnvCache();
  });

  it("knows loopback, private, link-local and mapped addresses from public ones", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ["8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700::1111"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it("refuses private targets after resolving them, unless the operator allows them", async () => {
    process.env.ALLOW_PRIVATE_UPSTREAMS = "false";
    resetEnvCache();
    await expect(assertPublicUrl("http://localhost:11434/v1", "Base URL")).rejects.toThrow(/private or loopback/);
    await expect(assertPublicUrl("http://169.254.169.254/latest", "Image URL")).rejects.toMatchObject({ status: 400 });
    process.env.ALLOW_PRIVATE_UPSTREAMS = "true";
    resetEnvCache();
    await expect(assertPublicUrl("http://localhost:11434/v1", "Base URL")).resolves.toBeUndefined();
  });
});
