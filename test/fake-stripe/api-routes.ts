import { object, strings, text, type FormObject } from "./form-body";
import { newId, nowSeconds, stripeError } from "./objects";
import type { FakeStripeState } from "./state";

export interface ApiReply {
  status: number;
  body: unknown;
}

const ok = (body: unknown): ApiReply => ({ status: 200, body });
const missing = (kind: string, id: string, param?: string) => stripeError(404, "invalid_request_error", `No such ${kind}: '${id}'`, param);
const list = (data: unknown[], url: string) => ok({ object: "list", data, has_more: false, url });

function createCustomer(state: FakeStripeState, form: FormObject): ApiReply {
  const customer = { id: newId("cus"), object: "customer" as const, email: text(form.email) ?? null, metadata: strings(form.metadata), created: nowSeconds() };
  state.customers.set(customer.id, customer);
  return ok(customer);
}

function updateCustomer(state: FakeStripeState, id: string, form: FormObject): ApiReply {
  const customer = state.customers.get(id);
  if (!customer) return missing("customer", id);
  if (text(form.email) !== undefined) customer.email = text(form.email) ?? null;
  Object.assign(customer.metadata, strings(form.metadata));
  return ok(customer);
}

function createCheckoutSession(state: FakeStripeState, form: FormObject, baseUrl: string): ApiReply {
  const customer = text(form.customer) ?? null;
  if (customer && !state.customers.has(customer)) return missing("customer", customer, "customer");
  const lineItems = Object.values(object(form.line_items)).map((line) => ({ price: text(object(line).price) ?? "", quantity: Number(text(object(line).quantity) ?? 1) }));
  if (lineItems.length === 0) return stripeError(400, "invalid_request_error", "line_items is required in subscription mode", "line_items");
  const unknown = lineItems.find((line) => !state.prices.has(line.price));
  if (unknown) return missing("price", unknown.price, "line_items[0][price]");
  const successUrl = text(form.success_url);
  const cancelUrl = text(form.cancel_url);
  if (!successUrl || !cancelUrl) return stripeError(400, "invalid_request_error", "Missing required param: success_url or cancel_url", successUrl ? "cancel_url" : "success_url");
  const id = newId("cs");
  const session = {
    id,
    object: "checkout.session" as const,
    mode: text(form.mode) ?? "payment",
    status: "open" as const,
    payment_status: "unpaid" as const,
    customer,
    client_reference_id: text(form.client_reference_id) ?? null,
    metadata: strings(form.metadata),
    subscription: null,
    success_url: successUrl,
    cancel_url: cancelUrl,
    url: `${baseUrl}/checkout/${id}`,
    created: nowSeconds(),
    lineItems,
    subscriptionMetadata: strings(object(form.subscription_data).metadata),
  };
  state.checkoutSessions.set(id, session);
  return ok(session);
}

function createPortalSession(state: FakeStripeState, form: FormObject, baseUrl: string): ApiReply {
  const customer = text(form.customer) ?? "";
  if (!state.customers.has(customer)) return missing("customer", customer, "customer");
  const id = newId("bps");
  const session = { id, object: "billing_portal.session" as const, customer, return_url: text(form.return_url) ?? baseUrl, url: `${baseUrl}/portal/${id}`, created: nowSeconds() };
  state.portalSessions.set(id, session);
  return ok(session);
}

function listSubscriptions(state: FakeStripeState, query: URLSearchParams): ApiReply {
  const customer = query.get("customer");
  const status = query.get("status");
  const matches = [...state.subscriptions.values()]
    .filter((sub) => !customer || sub.customer === customer)
    .filter((sub) => (status === "all" ? true : status ? sub.status === status : sub.status !== "canceled"))
    .sort((a, b) => b.created - a.created);
  return list(matches.slice(0, Number(query.get("limit") ?? 10)), "/v1/subscriptions");
}

function cancelSubscription(state: FakeStripeState, id: string): ApiReply {
  const subscription = state.subscriptions.get(id);
  if (!subscription) return missing("subscription", id);
  if (subscription.status === "canceled") return stripeError(400, "invalid_request_error", `A canceled subscription can only update its cancellation_details and metadata.`);
  state.updateSubscription(id, { status: "canceled" });
  state.sendLater("customer.subscription.deleted", subscription);
  return ok(subscription);
}

interface Call {
  state: FakeStripeState;
  id: string;
  query: URLSearchParams;
  form: FormObject;
  baseUrl: string;
}

const getOr404 = <T>(map: Map<string, T>, kind: string, id: string) => (map.has(id) ? ok(map.get(id)) : missing(kind, id));

const ROUTES: Array<[string, RegExp, (call: Call) => ApiReply]> = [
  ["POST", /^\/v1\/customers$/, (c) => createCustomer(c.state, c.form)],
  ["POST", /^\/v1\/customers\/([^/]+)$/, (c) => updateCustomer(c.state, c.id, c.form)],
  ["GET", /^\/v1\/customers\/([^/]+)$/, (c) => getOr404(c.state.customers, "customer", c.id)],
  ["POST", /^\/v1\/checkout\/sessions$/, (c) => createCheckoutSession(c.state, c.form, c.baseUrl)],
  ["GET", /^\/v1\/checkout\/sessions\/([^/]+)$/, (c) => getOr404(c.state.checkoutSessions, "checkout.session", c.id)],
  ["POST", /^\/v1\/billing_portal\/sessions$/, (c) => createPortalSession(c.state, c.form, c.baseUrl)],
  ["GET", /^\/v1\/subscriptions$/, (c) => listSubscriptions(c.state, c.query)],
  ["GET", /^\/v1\/subscriptions\/([^/]+)$/, (c) => getOr404(c.state.subscriptions, "subscription", c.id)],
  ["DELETE", /^\/v1\/subscriptions\/([^/]+)$/, (c) => cancelSubscription(c.state, c.id)],
];

/** The API endpoints OauthRouter calls, in Stripe's shapes; anything else is Stripe's 404. */
export function routeApi(state: FakeStripeState, method: string, path: string, query: URLSearchParams, form: FormObject, baseUrl: string): ApiReply {
  for (const [routeMethod, pattern, handle] of ROUTES) {
    const match = routeMethod === method ? pattern.exec(path) : null;
    if (match) return handle({ state, id: decodeURIComponent(match[1] ?? ""), query, form, baseUrl });
  }
  return stripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}). The fake Stripe serves only what OauthRouter calls.`);
}
