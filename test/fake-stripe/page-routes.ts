import type { ServerResponse } from "node:http";
import { text, type FormObject } from "./form-body";
import { newId, nowSeconds } from "./objects";
import { checkoutPage, portalPage } from "./pages";
import type { FakeStripeState } from "./state";

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(body);
}

const redirect = (res: ServerResponse, location: string) => res.writeHead(303, { location }).end();

/** "Pay": the subscription starts, Stripe's two events reach the app, and the buyer goes back. */
async function pay(state: FakeStripeState, sessionId: string, res: ServerResponse): Promise<void> {
  const session = state.checkoutSessions.get(sessionId);
  if (!session || session.status !== "open") return html(res, 409, "This Checkout session is not open.");
  if (!session.customer) {
    const customer = { id: newId("cus"), object: "customer" as const, email: null, metadata: {}, created: nowSeconds() };
    state.customers.set(customer.id, customer);
    session.customer = customer.id;
  }
  const subscription = state.createSubscription({ customer: session.customer, price: session.lineItems[0].price, metadata: session.subscriptionMetadata });
  Object.assign(session, { status: "complete", payment_status: "paid", subscription: subscription.id });
  await state.send("customer.subscription.created", subscription);
  await state.send("checkout.session.completed", session);
  redirect(res, session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id));
}

/** A portal action on one of the customer's subscriptions: switch its price, or cancel it now. */
async function portalAction(state: FakeStripeState, portalId: string, subscriptionId: string, action: string, form: FormObject, res: ServerResponse): Promise<void> {
  const portal = state.portalSessions.get(portalId);
  const subscription = state.subscriptions.get(subscriptionId);
  if (!portal || !subscription || subscription.customer !== portal.customer) return html(res, 404, "No such subscription.");
  if (action === "cancel") {
    state.updateSubscription(subscription.id, { status: "canceled" });
    await state.send("customer.subscription.deleted", subscription);
  } else {
    state.updateSubscription(subscription.id, { price: text(form.price) ?? "" });
    await state.send("customer.subscription.updated", subscription);
  }
  redirect(res, portal.return_url);
}

/** The hosted pages a browser visits: Checkout and the customer portal. False when the path is not one. */
export async function routePage(state: FakeStripeState, method: string, path: string, form: FormObject, res: ServerResponse): Promise<boolean> {
  let match = /^\/checkout\/([^/]+)$/.exec(path);
  if (match && method === "GET") {
    const session = state.checkoutSessions.get(match[1]);
    if (!session) return (html(res, 404, "No such Checkout session."), true);
    html(res, 200, checkoutPage(session, session.customer ? state.customers.get(session.customer) : undefined, state.prices));
    return true;
  }
  match = /^\/checkout\/([^/]+)\/pay$/.exec(path);
  if (match && method === "POST") return pay(state, match[1], res).then(() => true);
  match = /^\/portal\/([^/]+)$/.exec(path);
  if (match && method === "GET") {
    const portal = state.portalSessions.get(match[1]);
    if (!portal) return (html(res, 404, "No such portal session."), true);
    const live = [...state.subscriptions.values()].filter((sub) => sub.customer === portal.customer && sub.status !== "canceled");
    html(res, 200, portalPage(portal, live, state.prices));
    return true;
  }
  match = /^\/portal\/([^/]+)\/subscriptions\/([^/]+)\/(switch|cancel)$/.exec(path);
  if (match && method === "POST") return portalAction(state, match[1], match[2], match[3], form, res).then(() => true);
  return false;
}
