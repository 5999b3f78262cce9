import { createHash } from "node:crypto";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/crypto/tokens";
import { createAuthorizationCode } from "@/lib/services/oauth-apps/authorization-codes";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

// The code exchange of OpenRouter's PKCE flow, with the error codes its reference lists.
describe("POST /api/v1/auth/keys", () => {
  let gateway: Gateway;
  let userId: string;
  const exchange = (body: unknown, method = "POST") =>
    fetch(`${gateway.url}/api/v1/auth/keys`, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : typeof body === "string" ? body : JSON.stringify(body) });

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
    ({ userId } = await gateway.newUser("pkce-api@example.com", [{ provider: "openai", key: "sk-proj-pkce" }]));
  });
  afterAll(() => gateway?.close());

  it("gives a working key for the right verifier, once; a wrong verifier or a reused code is 403", async () => {
    const verifier = "a-verifier-of-at-least-forty-three-characters-123";
    const { code } = await createAuthorizationCode(userId, "https://app.example/callback", { value: s256(verifier), method: "S256" });
    const wrong = await exchange({ code, code_verifier: "not-the-right-verifier-at-all-0000000000000" });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error).toMatchObject({ type: "permission_error", message: expect.stringMatching(/code_verifier/) });

    const ok = await exchange({ code, code_verifier: verifier, code_challenge_method: "S256" });
    expect(ok.status).toBe(200);
    const { key } = await ok.json();
    expect(key).toMatch(/^lr_live_/);
    const client = new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    expect((await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "from the app" }] })).choices[0].message.content).toBe("Echo: from the app");

    const reused = await exchange({ code, code_verifier: verifier });
    expect(reused.status).toBe(403);
    expect((await reused.json()).error.message).toMatch(/already used/);
  });

  it("accepts the plain method and codes without a challenge; refuses unknown and expired codes with 403", async () => {
    const plain = await createAuthorizationCode(userId, "http://localhost:3000/cb", { value: "plain-verifier", method: "plain" });
    expect((await exchange({ code: plain.code, code_verifier: "plain-verifier" })).status).toBe(200);
    const open = await createAuthorizationCode(userId, "https://app.example/cb");
    expect((await exchange({ code: open.code })).status).toBe(200);

    expect((await exchange({ code: "never-issued-code" })).status).toBe(403);
    const late = await createAuthorizationCode(userId, "https://app.example/cb");
    const prisma = await db();
    await prisma.oAuthCode.update({ where: { codeHash: hashToken(late.code) }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const expired = await exchange({ code: late.code });
    expect(expired.status).toBe(403);
    expect((await expired.json()).error.message).toMatch(/expired/);
  });

  it("answers a malformed exchange, a missing verifier or another challenge method with 400", async () => {
    const { code } = await createAuthorizationCode(userId, "https://app.example/cb", { value: s256("verifier-for-the-400-cases-xxxxxxxxxxxxxxxxxx"), method: "S256" });
    const cases: Array<[unknown, string | null]> = [
      [{}, "code"],
      [{ code: 12345 }, "code"],
      ["{not json", null],
      [{ code, code_challenge_method: "S512" }, "code_challenge_method"],
      [{ code }, "code_verifier"],
      [{ code, code_verifier: "verifier-for-the-400-cases-xxxxxxxxxxxxxxxxxx", code_challenge_method: "plain" }, "code_challenge_method"],
    ];
    for (const [body, param] of cases) {
      const response = await exchange(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", param });
    }
    // None of those spent the code.
    expect((await exchange({ code, code_verifier: "verifier-for-the-400-cases-xxxxxxxxxxxxxxxxxx" })).status).toBe(200);
  });

  it("answers any other method with 405 and Allow: POST", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const response = await exchange({}, method);
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });
});
