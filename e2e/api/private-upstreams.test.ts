import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// A resolver the test controls, for names only it knows; every other name resolves as usual.
const resolved = vi.hoisted(() => new Map<string, string>());
vi.mock("node:dns", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns")>();
  const lookup = (host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const address = resolved.get(host);
    if (!address) return real.lookup(host, options as never, callback as never);
    if (options.all) callback(null, [{ address, family: 4 }]);
    else callback(null, address, 4);
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

function allowPrivateUpstreams(allowed: boolean) {
  process.env.ALLOW_PRIVATE_UPSTREAMS = String(allowed);
  resetEnvCache();
}

describe("custom base URLs never reach private addresses unless the operator allows it", () => {
  let gateway: Gateway;
  const chat = (token: string, model: string) =>
    fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model, messages: [{ role: "user", content: "hello" }] }),
    });
  const upstreamHits = (path: string) => gateway.fake.requests.filter((r) => r.path.startsWith(path)).length;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
  });
  afterEach(() => {
    resolved.clear();
    allowPrivateUpstreams(true);
  });
  afterAll(() => gateway?.close());

  it("refuses at save time a base URL whose name resolves to a private address", async () => {
    allowPrivateUpstreams(false);
    const { userId } = await gateway.newUser("save-time@example.com");
    resolved.set("internal.example", "10.0.0.7");
    await expect(addCredential(userId, { provider: "custom", secret: "custom-key-123456", baseUrl: "http://internal.example/v1" })).rejects.toMatchObject({
      status: 400,
      message: "Base URL must not point at a private or loopback address (internal.example)",
    });
    await expect(addCredential(userId, { provider: "openai", secret: "sk-proxy-12345678", baseUrl: "http://[::ffff:127.0.0.1]:8080/v1" })).rejects.toMatchObject({ status: 400 });
  });

  it("refuses the connection when a name that was public at save time resolves to loopback later (DNS rebinding)", async () => {
    allowPrivateUpstreams(false);
    const port = new URL(gateway.fake.url).port;
    const { userId, token } = await gateway.newUser("rebinding@example.com");
    resolved.set("rebind.example", "93.184.216.34");
    await addCredential(userId, { provider: "custom", secret: "custom-key-rebind", baseUrl: `http://rebind.example:${port}/rebind/v1` });

    resolved.set("rebind.example", "127.0.0.1");
    const refused = await chat(token, "custom/llama3.2");
    expect(refused.status).toBe(502);
    expect((await refused.json()).error).toMatchObject({
      code: "upstream_private_address",
      message: expect.stringContaining("rebind.example resolves to a private or loopback address (127.0.0.1)"),
    });
    expect(upstreamHits("/rebind")).toBe(0);

  });

  it("refuses a loopback literal saved while allowed once the operator turns it off, and serves it when on", async () => {
    const { userId, token } = await gateway.newUser("literal@example.com");
    await addCredential(userId, { provider: "custom", secret: "custom-key-literal", baseUrl: `${gateway.fake.url}/literal/v1` });
    allowPrivateUpstreams(false);
    const refused = await chat(token, "custom/llama3.2");
    expect(refused.status).toBe(502);
    expect((await refused.json()).error.code).toBe("upstream_private_address");
    expect(upstreamHits("/literal")).toBe(0);
    allowPrivateUpstreams(true);
    expect((await chat(token, "custom/llama3.2")).status).toBe(200);
    expect(upstreamHits("/literal")).toBe(1);
  });

  it("refuses IANA special-purpose addresses in their IPv6 spellings: base URLs at save time, names on each connection, image URLs on each request", async () => {
    allowPrivateUpstreams(false);
    const port = new URL(gateway.fake.url).port;
    const { userId, token } = await gateway.newUser("special-purpose@example.com", [{ provider: "google", key: "AIza-special-purpose" }]);
    // IPv4-translated loopback (::ffff:0:0/96), NAT64 of the metadata address, 6to4 of a private one.
    for (const host of ["[::ffff:0:7f00:1]", "[64:ff9b::a9fe:a9fe]", "[2002:c0a8:101::1]"]) {
      await expect(addCredential(userId, { provider: "custom", secret: "custom-key-special", baseUrl: `http://${host}:${port}/v1` }), host).rejects.toMatchObject({ status: 400 });
    }
    resolved.set("relay.example", "93.184.216.34");
    await addCredential(userId, { provider: "custom", secret: "custom-key-relay", baseUrl: `http://relay.example:${port}/relay/v1` });
    resolved.set("relay.example", "192.88.99.1"); // the deprecated 6to4 relay anycast block
    const refused = await chat(token, "custom/llama3.2");
    expect((await refused.json()).error).toMatchObject({ code: "upstream_private_address", message: expect.stringContaining("(192.88.99.1)") });

    const image = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "google/gemini-2.5-flash", messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: `http://[::ffff:0:7f00:1]:${port}/cat.png` } }] }] }),
    });
    expect(image.status).toBe(400);
    expect((await image.json()).error.message).toMatch(/Image URL must not point at a private or loopback address/);
    expect(upstreamHits("/v1beta")).toBe(0);
  });

  it("keeps the operator's own upstream settings (UPSTREAM_*_BASE_URL on loopback) working", async () => {
    allowPrivateUpstreams(false);
    const { token } = await gateway.newUser("operator@example.com", [{ provider: "openai", key: "sk-openai-operator" }]);
    expect((await chat(token, "openai/gpt-4o")).status).toBe(200);
  });
});
