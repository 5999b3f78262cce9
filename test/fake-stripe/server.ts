import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parseStripeForm, type FormObject } from "./form-body";
import { routeApi } from "./api-routes";
import { stripeError } from "./objects";
import { routePage } from "./page-routes";
import { FakeStripeState, type FakeStripeOptions } from "./state";

export type { FakePrice } from "./objects";
export type { Delivery } from "./webhooks";

export interface RecordedStripeCall {
  method: string;
  path: string;
  query: Record<string, string>;
  form: FormObject;
}

export interface FakeStripe {
  url: string;
  state: FakeStripeState;
  /** API calls received (not page visits), oldest first. */
  calls: RecordedStripeCall[];
  close(): Promise<void>;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A Stripe stand-in on loopback for tests: the API endpoints OauthRouter calls (customers,
 * Checkout and portal sessions, subscriptions) behind the secret key, hosted Checkout and portal
 * pages, and webhook events signed with the endpoint secret, as the SDK's test helper signs them.
 */
export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const state = new FakeStripeState(options);
  const calls: RecordedStripeCall[] = [];
  let baseUrl = "";
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", baseUrl);
      const form = parseStripeForm(req.method === "GET" ? "" : await readText(req));
      if (!url.pathname.startsWith("/v1/")) {
        if (!(await routePage(state, req.method ?? "GET", url.pathname, form, res))) res.writeHead(404).end("Not found");
        return;
      }
      calls.push({ method: req.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams), form });
      const reply =
        req.headers.authorization === `Bearer ${options.secretKey}`
          ? routeApi(state, req.method ?? "GET", url.pathname, url.searchParams, form, baseUrl)
          : stripeError(401, "invalid_request_error", "Invalid API Key provided: sk_test_****");
      res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_fake_${calls.length}` }).end(JSON.stringify(reply.body));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { type: "api_error", message: (error as Error).message } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    state,
    calls,
    close: async () => {
      await state.settled();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
