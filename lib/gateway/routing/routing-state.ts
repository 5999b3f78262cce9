import { redis, redisKnownDown } from "@/lib/redis/client";

const WINDOW_MS = 60_000;

/** Shared counters behind round-robin (a cursor per scope) and least-used (requests per minute). */
export interface RoutingState {
  nextCursor(scope: string): Promise<number>;
  usage(credentialId: string): number;
  recordUse(credentialId: string): void;
}

/** In-process state: exact within one instance. */
export class LocalRoutingState implements RoutingState {
  private readonly cursors = new Map<string, number>();
  private readonly hits = new Map<string, number[]>();

  async nextCursor(scope: string): Promise<number> {
    const value = this.cursors.get(scope) ?? 0;
    this.cursors.set(scope, value + 1);
    return value;
  }

  usage(credentialId: string): number {
    const cutoff = Date.now() - WINDOW_MS;
    const times = (this.hits.get(credentialId) ?? []).filter((t) => t > cutoff);
    this.hits.set(credentialId, times);
    return times.length;
  }

  recordUse(credentialId: string): void {
    const times = this.hits.get(credentialId) ?? [];
    times.push(Date.now());
    this.hits.set(credentialId, times);
  }
}

/** With REDIS_URL the round-robin cursor is shared by every instance; if Redis fails, local state answers. */
class SharedRoutingState extends LocalRoutingState {
  constructor(private readonly client: NonNullable<ReturnType<typeof redis>>) {
    super();
  }

  override async nextCursor(scope: string): Promise<number> {
    // While Redis is known to be away, do not wait for it on every request.
    if (redisKnownDown(this.client)) return super.nextCursor(scope);
    try {
      return (await this.client.incr(`rr:${scope}`)) - 1;
    } catch {
      return super.nextCursor(scope);
    }
  }
}

const SLOT = Symbol.for("oauthrouter.routingState");
type GlobalWithState = typeof globalThis & { [SLOT]?: RoutingState };

export function routingState(): RoutingState {
  const holder = globalThis as GlobalWithState;
  if (!holder[SLOT]) {
    const client = redis();
    holder[SLOT] = client ? new SharedRoutingState(client) : new LocalRoutingState();
  }
  return holder[SLOT];
}
