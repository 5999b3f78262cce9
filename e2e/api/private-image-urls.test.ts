import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// The test plays DNS for its own names, and lets 127.0.0.100 stand for a public image host (the
// sandbox reaches no real one): 127.0.0.0/8 is narrowed to 127.0.0.0/26, so 127.0.0.1 stays private.
const PUBLIC_STAND_IN = "127.0.0.100";
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
vi.mock("@/lib/security/special-purpose-addresses", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/security/special-purpose-addresses")>();
  const narrowed = real.IPV4_SPECIAL_PURPOSE.map((range) => (range.cidr === "127.0.0.0/8" ? { ...range, cidr: "127.0.0.0/26" } : range));
  return { ...real, IPV4_SPECIAL_PURPOSE: narrowed };
});

describe("image URLs end to end: private addresses and redirects to them are refused", () => {
  let gateway: Gateway;
  let token: string;
  let imageHost: Server;
  let imageHostHits: string[];
  const PNG = Buffer.from("89504e470d0a1a0a", "hex");

  const chatWithImage = (url: string) =>
    fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "google/gemini-2.5-flash", messages: [{ role: "user", content: [{ type: "text", text: "what is it?" }, { type: "image_url", image_url: { url } }] }] }),
    });
  const fakeHits = (prefix: string) => gateway.fake.requests.filter((r) => r.path.startsWith(prefix)).length;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
    ({ token } = await gateway.newUser("images@example.com", [{ provider: "google", key: "AIza-images-private" }]));
    process.env.ALLOW_PRIVATE_UPSTREAMS = "false";
    resetEnvCache();
    imageHostHits = [];
    // The "public" image host: serves /cat.png, and redirects /moved.png wherever ?to= says.
    imageHost = createServer((req, res) => {
      imageHostHits.push(req.url ?? "");
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/cat.png") return void res.writeHead(200, { "content-type": "image/png" }).end(PNG);
      res.writeHead(302, { location: url.searchParams.get("to") ?? "/" }).end();
    });
    await new Promise<void>((resolve) => imageHost.listen(0, PUBLIC_STAND_IN, resolve));
    resolved.set("images.example", PUBLIC_STAND_IN);
    resolved.set("intranet.example", "10.0.0.5");
  });
  afterAll(async () => {
    delete process.env.ALLOW_PRIVATE_UPSTREAMS;
    resetEnvCache();
    await new Promise((resolve) => imageHost?.close(resolve));
    await gateway?.close();
  });

  const hostUrl = (path: string) => `http://images.example:${(imageHost.address() as AddressInfo).port}${path}`;

  it("inlines an image from an allowed public host (the control: that host is reachable)", async () => {
    const before = fakeHits("/v1beta");
    const response = await chatWithImage(hostUrl("/cat.png"));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(fakeHits("/v1beta") - before).toBe(1);
    const parts = gateway.fake.requests.at(-1)!.body.contents[0].parts;
    expect(parts).toContainEqual({ inlineData: { mimeType: "image/png", data: PNG.toString("base64") } });
  });

  it("refuses an image URL at a private address, literal or by name, with a 400 in the error shape and nothing fetched", async () => {
    const port = new URL(gateway.fake.url).port;
    for (const [url, host] of [[`http://127.0.0.1:${port}/images/cat.png`, "127.0.0.1"], [`http://intranet.example:${port}/images/cat.png`, "intranet.example"]]) {
      const before = fakeHits("/v1beta");
      const response = await chatWithImage(url);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.objectContaining({ type: "invalid_request_error", message: `Image URL must not point at a private or loopback address (${host})` }) });
      expect(fakeHits("/v1beta") - before).toBe(0);
    }
    expect(fakeHits("/images")).toBe(0);
  });

  it("refuses an allowed host's redirect to a private address without following it", async () => {
    const target = `${gateway.fake.url}/images/cat.png`;
    const before = fakeHits("/v1beta");
    const hitsBefore = imageHostHits.length;
    const response = await chatWithImage(hostUrl(`/moved.png?to=${encodeURIComponent(target)}`));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({ error: expect.objectContaining({ type: "invalid_request_error", message: expect.stringContaining("Could not fetch the image") }) });
    expect(imageHostHits.length - hitsBefore).toBe(1);
    expect(fakeHits("/images")).toBe(0);
    expect(fakeHits("/v1beta") - before).toBe(0);
  });
});
