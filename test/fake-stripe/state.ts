import { newId, nowSeconds, subscriptionItems, type FakeCheckoutSession, type FakeCustomer, type FakePortalSession, type FakePrice, type FakeSubscription } from "./objects";
import { deliver, signEvent, type Delivery } from "./webhooks";

export interface FakeStripeOptions {
  secretKey: string;
  webhookSecret: string;
  prices: FakePrice[];
  /** Where events go; settable later, once the app's port is known. */
  webhookUrl?: string;
}

/** Everything the fake Stripe knows, and the webhook events it sends as things change. */
export class FakeStripeState {
  readonly customers = new Map<string, FakeCustomer>();
  readonly checkoutSessions = new Map<string, FakeCheckoutSession>();
  readonly portalSessions = new Map<string, FakePortalSession>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly prices: Map<string, FakePrice>;
  readonly deliveries: Delivery[] = [];
  webhookUrl?: string;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(readonly options: FakeStripeOptions) {
    this.prices = new Map(options.prices.map((price) => [price.id, price]));
    this.webhookUrl = options.webhookUrl;
  }

  price(id: string): FakePrice {
    const price = this.prices.get(id);
    if (!price) throw new Error(`unknown price ${id}`);
    return price;
  }

  createSubscription(input: { customer: string; price: string; status?: FakeSubscription["status"]; metadata?: Record<string, string> }): FakeSubscription {
    const id = newId("sub");
    const subscription: FakeSubscription = {
      id,
      object: "subscription",
      customer: input.customer,
      status: input.status ?? "active",
      cancel_at_period_end: false,
      canceled_at: null,
      metadata: input.metadata ?? {},
      created: nowSeconds(),
      items: subscriptionItems(id, this.price(input.price)),
    };
    this.subscriptions.set(id, subscription);
    return subscription;
  }

  updateSubscription(id: string, change: { status?: FakeSubscription["status"]; price?: string; cancelAtPeriodEnd?: boolean }): FakeSubscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`unknown subscription ${id}`);
    if (change.status) subscription.status = change.status;
    if (change.status === "canceled") subscription.canceled_at = nowSeconds();
    if (change.price) subscription.items = subscriptionItems(id, this.price(change.price));
    if (change.cancelAtPeriodEnd !== undefined) subscription.cancel_at_period_end = change.cancelAtPeriodEnd;
    return subscription;
  }

  /** Signs and delivers an event now; null when no webhook URL is set. */
  async send(type: string, object: object): Promise<Delivery | null> {
    if (!this.webhookUrl) return null;
    const delivery = await deliver(this.webhookUrl, signEvent(this.options.webhookSecret, type, structuredClone(object)));
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Sends an event after the current response, as Stripe does for API-triggered changes. */
  sendLater(type: string, object: object): void {
    const snapshot = structuredClone(object);
    const task = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.send(type, snapshot))
      .catch((error) => console.error(`[fake-stripe] delivering ${type} failed:`, (error as Error).message))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Resolves once every event queued with sendLater has been delivered. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
