import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// What PostgreSQL's text columns refuse: NUL and half a surrogate pair, as a provider may send them.
const UNSTORABLE = "bad \u0000 input \ud800 here";

describe.each(databaseTargets())("text the database refuses never stops usage recording, on $name", (target: DatabaseTarget) => {
  let gateway: Gateway;
  let attacker: { userId: string; token: string };
  let bystander: { userId: string; token: string };

  beforeAll(async () => {
    gateway = await startGateway(target);
    attacker = await gateway.newUser(`unstorable-a-${target.name}@example.com`, [{ provider: "openai", key: "sk-unstorable-attacker" }], "pro");
    bystander = await gateway.newUser(`unstorable-b-${target.name}@example.com`, [{ provider: "openai", key: "sk-unstorable-bystander" }], "pro");
  });
  afterAll(() => gateway?.close());

  const chat = (token: string, body: Record<string, unknown>) =>
    fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }], ...body }) });
  const generation = (token: string, id: string) => fetch(`${gateway.url}/api/v1/generation?id=${id}`, { headers: { authorization: `Bearer ${token}` } });

  it("an upstream error or in-stream error with NUL and a lone surrogate is stored cleaned, and every tenant's rows keep coming", async () => {
    gateway.fake.setFault({ mode: "status:400", times: 1, match: { credential: "sk-unstorable-attacker" }, message: UNSTORABLE });
    const refused = await chat(attacker.token, {});
    expect(refused.status).toBe(400);
    gateway.fake.setFault({ mode: "error-mid-stream:2", times: 1, match: { credential: "sk-unstorable-attacker" }, message: UNSTORABLE });
    const broken = await chat(attacker.token, { stream: true });
    expect(await broken.text()).toContain("bad \\u0000 input");
    const normal = await chat(bystander.token, {});
    expect(normal.status).toBe(200);

    for (const [token, response, status] of [[attacker.token, refused, 400], [attacker.token, broken, 502], [bystander.token, normal, 200]] as const) {
      const found = await generation(token, response.headers.get("x-generation-id")!);
      expect(found.status).toBe(200);
      const { data } = await found.json();
      expect(data.status).toBe(status);
      if (status !== 200) expect(data.error_message).toContain("bad \ufffd input \ufffd here");
    }
    const later = await chat(bystander.token, {});
    expect((await generation(bystander.token, later.headers.get("x-generation-id")!)).status).toBe(200);
  });
});
