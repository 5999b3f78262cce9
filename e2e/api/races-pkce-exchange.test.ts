import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAuthorizationCode } from "@/lib/services/oauth-apps/authorization-codes";
import { postgresTarget, uniqueSchemaUrl } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

// An app that retries its callback (or a double-clicked approval) exchanges one code twice at once.
describe("two exchanges of one PKCE code at once, on PostgreSQL", () => {
  let gateway: Gateway;
  let userId: string;
  const exchange = (code: string, verifier: string) =>
    fetch(`${gateway.url}/api/v1/auth/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: "S256" }) });

  beforeAll(async () => {
    gateway = await startGateway(postgresTarget(uniqueSchemaUrl()));
    ({ userId } = await gateway.newUser("pkce-race@example.com", [{ provider: "openai", key: "sk-proj-pkce-race" }]));
  });
  afterAll(() => gateway?.close());

  it("gives exactly one key per code; the other exchange is refused with 403 and creates nothing", async () => {
    const prisma = await db();
    for (let round = 0; round < 5; round++) {
      const verifier = `a-verifier-of-at-least-forty-three-characters-${round}-xyz`;
      const origin = `https://app${round}.example`;
      const { code } = await createAuthorizationCode(userId, `${origin}/callback`, { value: s256(verifier), method: "S256" });

      const responses = await Promise.all([exchange(code, verifier), exchange(code, verifier)]);
      const bodies = await Promise.all(responses.map((r) => r.json()));

      expect(responses.map((r) => r.status).sort()).toEqual([200, 403]);
      const refused = bodies[responses.findIndex((r) => r.status === 403)];
      expect(refused.error).toMatchObject({ type: "permission_error", message: expect.stringMatching(/already used/) });
      expect(bodies[responses.findIndex((r) => r.status === 200)].key).toMatch(/^lr_live_/);
      expect(await prisma.apiToken.count({ where: { userId, appOrigin: origin } })).toBe(1);
    }
  });
});
