import { rawQuery } from "@/lib/db/raw-query";
import { errorReason, log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { settleTickets } from "@/lib/quota/admit-message";
import { bareUsageRow, insertUsageRows, usageRowsPerStatement } from "./insert-usage-rows";
import type { UsageRecord } from "./usage-record";

const FLUSH_EVERY_MS = 250;
const FLUSH_AT = 200;
const RETRY_MAX_MS = 10_000;
const LAST_USED_EVERY_MS = 60_000;

const SET_ASIDE_KEPT = 100;

// 23503 from pg and PGlite, P2003 from Prisma.
const isForeignKeyViolation = (error: unknown) => ["23503", "P2003"].includes((error as { code?: string }).code ?? "");

/**
 * The database refuses the rows themselves and would on every retry: SQLSTATE classes 22 (data
 * exception) and 23 (integrity constraint), or a row that cannot even be serialised. Anything else
 * (the server away, a connection lost) is worth retrying as it is.
 */
function isRowRefused(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (typeof code === "string" && /^2[23]/.test(code)) || code === "P2003" || error instanceof TypeError || error instanceof RangeError;
}

/**
 * Usage rows are written off the response path: buffered, inserted in batches, kept and retried
 * when the database is away (inserts are idempotent by id), and flushed on shutdown so a clean
 * stop loses nothing. It also knows how many requests are still open, for a shutdown to wait on.
 */
export class UsageWriter {
  private buffer: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  /** Rows of the write under way. */
  private writing = 0;
  private readonly lastUsedWritten = new Map<string, number>();
  /** Rows whose values are still being computed (token counts). */
  private readonly computing = new Set<Promise<void>>();
  /** The last rows the database refused even bare, kept for inspection (each was logged). */
  readonly setAside: Array<{ row: UsageRecord; reason: string }> = [];
  readonly open = { streamed: 0, other: 0 };

  opened(streamed: boolean): void {
    if (streamed) this.open.streamed += 1;
    else this.open.other += 1;
  }

  closed(streamed: boolean): void {
    if (streamed) this.open.streamed -= 1;
    else this.open.other -= 1;
  }

  record(row: UsageRecord): void {
    metrics().observe(row);
    this.buffer.push(row);
    if (this.buffer.length >= FLUSH_AT && !this.flushing) this.flushInBackground();
    else this.timer ??= setTimeout(() => this.flushInBackground(), FLUSH_EVERY_MS).unref();
  }

  /** A row that is recorded once `row` resolves; flush() waits for it. */
  recordWhenReady(row: Promise<UsageRecord>): void {
    const pending: Promise<void> = row
      .then((value) => this.record(value), (error) => log.error("usage row lost: it could not be completed", { error: errorReason(error) }))
      .finally(() => this.computing.delete(pending));
    this.computing.add(pending);
  }

  /** Rows not stored yet: buffered, still being completed, or in a write under way. */
  pending(): number {
    return this.buffer.length + this.computing.size + this.writing;
  }

  /** Waits (bounded) until no request is open: on shutdown, after the server stopped accepting. */
  async idle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.open.streamed + this.open.other > 0 || this.computing.size > 0) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  /** Writes everything buffered; resolves when it is stored (or rejects, keeping the rows). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.computing]);
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.buffer.length === 0) return;
    const batch = this.buffer.splice(0);
    this.writing = batch.length;
    this.flushing = this.write(batch).then(
      () => {
        this.writing = 0;
        this.failures = 0;
      },
      (error) => {
        this.writing = 0;
        this.buffer = batch.concat(this.buffer);
        this.failures += 1;
        this.timer ??= setTimeout(() => this.flushInBackground(), Math.min(RETRY_MAX_MS, 500 * 2 ** this.failures)).unref();
        throw error;
      },
    );
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  private flushInBackground(): void {
    this.timer = null;
    this.flush().catch((error) => {
      log.warn("usage rows kept for retry: the database is unavailable", { rows: this.buffer.length, error: errorReason(error) });
    });
  }

  private async write(batch: UsageRecord[]): Promise<void> {
    // Statements of bounded size (a backlog after an outage, or any batch on the embedded database),
    // with a turn of the event loop between them; rows already stored are skipped on a retry.
    const size = await usageRowsPerStatement();
    for (let start = 0; start < batch.length; start += size) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const part = batch.slice(start, start + size);
      try {
        await insertUsageRows(part);
      } catch (error) {
        if (!isRowRefused(error)) throw error;
        for (const row of part) await this.writeAlone(row);
      }
    }
    const kept = batch.filter((row) => row.countedMessage).map((row) => row.id);
    await settleTickets(kept).catch(() => undefined);
    await this.touchLastUsed(batch).catch(() => undefined);
  }

  /**
   * One row of a batch the database refused, alone: without its token and credential links if one
   * was deleted meanwhile (dropped if its account is gone), else bare if its values are refused,
   * else set aside with a log line. Never held for a retry: the rest of the queue moves on.
   */
  private async writeAlone(row: UsageRecord): Promise<void> {
    let candidate = row;
    let refusal = await this.tryInsert(candidate);
    if (refusal && isForeignKeyViolation(refusal)) {
      candidate = { ...row, tokenId: null, credentialId: null };
      refusal = await this.tryInsert(candidate);
      if (refusal && isForeignKeyViolation(refusal)) return log.warn("usage row dropped: its account no longer exists", { generationId: row.id });
    }
    if (!refusal) return;
    const reason = errorReason(refusal);
    const bareRefusal = await this.tryInsert(bareUsageRow(candidate));
    if (!bareRefusal) return log.error("usage row stored without its details: the database refused them", { generationId: row.id, error: reason });
    this.setAside.push({ row, reason });
    if (this.setAside.length > SET_ASIDE_KEPT) this.setAside.shift();
    log.error("usage row set aside: the database refuses it", { generationId: row.id, userId: row.userId, error: errorReason(bareRefusal) });
  }

  /** Null once the row is stored; the refusal when the database refuses the row itself; throws otherwise. */
  private async tryInsert(row: UsageRecord): Promise<unknown> {
    try {
      await insertUsageRows([row]);
      return null;
    } catch (error) {
      if (!isRowRefused(error)) throw error;
      return error;
    }
  }

  /** lastUsedAt is for display: written at most once a minute per token and credential. */
  private async touchLastUsed(batch: UsageRecord[]): Promise<void> {
    const now = Date.now();
    const due = (id: string | null): id is string => {
      if (!id || now - (this.lastUsedWritten.get(id) ?? 0) < LAST_USED_EVERY_MS) return false;
      this.lastUsedWritten.set(id, now);
      return true;
    };
    const tokenIds = [...new Set(batch.map((row) => row.tokenId))].filter(due);
    const credentialIds = [...new Set(batch.map((row) => row.credentialId))].filter(due);
    if (tokenIds.length === 0 && credentialIds.length === 0) return;
    const at = new Date(now).toISOString();
    if (tokenIds.length) await rawQuery(`UPDATE "ApiToken" SET "lastUsedAt" = $2::timestamptz AT TIME ZONE 'UTC' WHERE "id" = ANY($1::text[])`, [tokenIds, at]);
    if (credentialIds.length) {
      await rawQuery(`UPDATE "ProviderCredential" SET "lastUsedAt" = $2::timestamptz AT TIME ZONE 'UTC' WHERE "id" = ANY($1::text[])`, [credentialIds, at]);
    }
  }
}

const SLOT = Symbol.for("oauthrouter.usageWriter");
type GlobalWithWriter = typeof globalThis & { [SLOT]?: UsageWriter };

export function usageWriter(): UsageWriter {
  const holder = globalThis as GlobalWithWriter;
  if (!holder[SLOT]) {
    const writer = (holder[SLOT] = new UsageWriter());
    metrics().gauge("oauthrouter_requests_in_flight", "Gateway requests not finished yet.", () => [
      ['streamed="true"', writer.open.streamed],
      ['streamed="false"', writer.open.other],
    ]);
    metrics().gauge("oauthrouter_usage_rows_pending", "Usage rows waiting to be written.", () => [["", writer.pending()]]);
  }
  return holder[SLOT];
}
