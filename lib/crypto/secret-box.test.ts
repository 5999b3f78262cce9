import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("AES-256-GCM secret box", () => {
  const key = randomBytes(32);

  it("round-trips and never repeats a ciphertext", () => {
    const a = encryptSecret("sk-ant-api03-secret", key);
    const b = encryptSecret("sk-ant-api03-secret", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("secret");
    expect(decryptSecret(a, [key])).toBe("sk-ant-api03-secret");
  });

  it("reads with the previous key during a rotation and rejects tampering", () => {
    const old = randomBytes(32);
    const sealed = encryptSecret("value", old);
    expect(decryptSecret(sealed, [key, old])).toBe("value");
    expect(() => decryptSecret(sealed, [key])).toThrow(/cannot be decrypted/);
    const [v, iv, tag, body] = sealed.split(":");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join(":"), [old])).toThrow();
  });
});
