import type { FakeCheckoutSession, FakeCustomer, FakePortalSession, FakePrice, FakeSubscription } from "./objects";

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}li{margin:.75rem 0}</style>
</head><body><p><small>Fake Stripe (tests only)</small></p><h1>${escape(title)}</h1>${body}</body></html>`;
}

/** The stand-in for Stripe's hosted Checkout page: what is sold, a Pay button and a way back. */
export function checkoutPage(session: FakeCheckoutSession, customer: FakeCustomer | undefined, prices: Map<string, FakePrice>): string {
  if (session.status !== "open") return page("Checkout", `<p>This Checkout session is ${session.status}.</p>`);
  const lines = session.lineItems
    .map((line) => prices.get(line.price))
    .filter((price): price is FakePrice => Boolean(price))
    .map((price) => `<li data-price="${escape(price.id)}">${escape(price.product)} — ${dollars(price.unitAmount)} / month</li>`)
    .join("");
  return page(
    "Checkout",
    `<p>Subscribing <strong data-testid="checkout-email">${escape(customer?.email ?? "unknown customer")}</strong> to:</p><ul>${lines}</ul>
<form method="post" action="/checkout/${escape(session.id)}/pay"><button type="submit">Pay and subscribe</button></form>
<p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>`,
  );
}

/** The stand-in for Stripe's customer portal: each live subscription, to switch price or cancel. */
export function portalPage(session: FakePortalSession, subscriptions: FakeSubscription[], prices: Map<string, FakePrice>): string {
  const options = [...prices.values()].map((price) => `<option value="${escape(price.id)}">${escape(price.product)}</option>`).join("");
  const rows = subscriptions
    .map((sub) => {
      const price = String((sub.items.data[0]?.price as { id?: string } | undefined)?.id ?? "");
      const base = `/portal/${escape(session.id)}/subscriptions/${escape(sub.id)}`;
      return `<li data-subscription="${escape(sub.id)}">${escape(prices.get(price)?.product ?? price)} (${escape(sub.status)})
<form method="post" action="${base}/switch"><label>Switch to <select name="price">${options}</select></label> <button type="submit">Switch plan</button></form>
<form method="post" action="${base}/cancel"><button type="submit">Cancel subscription</button></form></li>`;
    })
    .join("");
  return page("Billing portal", `${rows ? `<ul>${rows}</ul>` : "<p>No subscriptions.</p>"}<p><a href="${escape(session.return_url)}">Return to the app</a></p>`);
}
