import type { ExpectedRow } from "./books";

export interface DrillUser {
  userId: string;
  token: string;
}

export interface DrillResult {
  phase: "before" | "during" | "after";
  user: DrillUser;
  stream: boolean;
  /** HTTP status; 0 when the request itself failed (no answer in time). */
  status: number;
  generationId: string | null;
  retryAfter: string | null;
  body: string;
  ms: number;
  startedAt: number;
}

export interface DrillOptions {
  url: string;
  users: DrillUser[];
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  beforeMs: number;
  outageMs: number;
  afterMs: number;
  clients: number;
  /** A request that takes longer than this counts as a hang. */
  requestTimeoutMs: number;
}

async function send(url: string, user: DrillUser, stream: boolean, timeoutMs: number): Promise<Omit<DrillResult, "phase" | "startedAt">> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o", stream, messages: [{ role: "user", content: "during the drill" }] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    const headers = response.headers;
    return { user, stream, status: response.status, generationId: headers.get("x-generation-id"), retryAfter: headers.get("retry-after"), body, ms: Date.now() - started };
  } catch (error) {
    return { user, stream, status: 0, generationId: null, retryAfter: null, body: String(error), ms: Date.now() - started };
  }
}

/**
 * Keeps `clients` loops of chat requests (streamed and not, every user in turn) running while a
 * dependency is cut for `outageMs` and restored; returns every request with the phase it began in.
 */
export async function runOutageDrill(options: DrillOptions): Promise<{ results: DrillResult[]; restoredAt: number }> {
  const results: DrillResult[] = [];
  const t0 = Date.now();
  const cutAt = t0 + options.beforeMs;
  const restoreAt = cutAt + options.outageMs;
  const endAt = restoreAt + options.afterMs;
  let sequence = 0;
  const phaseOf = (at: number) => (at < cutAt ? "before" : at < restoreAt ? "during" : "after");
  const loop = async () => {
    while (Date.now() < endAt) {
      const n = sequence++;
      const user = options.users[n % options.users.length];
      const stream = Math.floor(n / options.users.length) % 2 === 1;
      const startedAt = Date.now();
      results.push({ ...(await send(options.url, user, stream, options.requestTimeoutMs)), phase: phaseOf(startedAt), startedAt });
    }
  };
  let restoredAt = 0;
  const schedule = (async () => {
    await new Promise((resolve) => setTimeout(resolve, options.beforeMs));
    await options.cut();
    await new Promise((resolve) => setTimeout(resolve, options.outageMs));
    await options.restore();
    restoredAt = Date.now();
  })();
  await Promise.all([schedule, ...Array.from({ length: options.clients }, loop)]);
  return { results, restoredAt };
}

/** The usage row each drill request should have left: a counted message exactly when it succeeded. */
export function expectedUsageRows(results: DrillResult[]): ExpectedRow[] {
  return results.map((r) => ({
    generationId: r.generationId!,
    userId: r.user.userId,
    status: r.status,
    streamed: r.stream,
    cancelled: false,
    countedMessage: r.status === 200,
  }));
}

/**
 * The requests from the user's first success after the restore on, by start time: once the
 * dependency answers again, every one of them must succeed (no wall-clock guess at how soon).
 */
export function requestsOnceBack(results: DrillResult[], restoredAt: number, user: DrillUser): DrillResult[] {
  const after = results.filter((r) => r.startedAt > restoredAt).sort((a, b) => a.startedAt - b.startedAt);
  const back = after.find((r) => r.user === user && r.status === 200);
  return back ? after.filter((r) => r.startedAt >= back.startedAt) : [];
}
