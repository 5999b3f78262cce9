import { db } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics";
import { insertUsageRows } from "./insert-usage-rows";
import type { UsageRecord } from "./usage-record";

const FLUSH_EVERY_MS = 250;

// 23503 from pg and PGlite, P2003 from Prisma.
const isForeignKeyViolation = (error: unknown) => ["23503", "P2003"].includes((error as { code?: string }).code ?? "");
const FLUSH_AT = 200;
const LAST_USED_EVERY_MS = 60_000;

/**
 * Usage rows are written off the response path: buffered, inserted in batches, kept and retried
 * when the database is briefly away, and flushed on shutdown so a clean stop loses nothing.
 */
export class UsageWriter {
  private buffer: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly lastUsedWritten = new Map<string, number>();
  private readonly completing = new Set<Promise<void>>();

  record(row: UsageRecord): void {
    metrics().observe(row);
    this.buffer.push(row);
    if (this.buffer.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS).unref();
  }

  /** A row still being completed (tokens being counted); flush() waits for it, so none is lost. */
  recordWhenReady(row: Promise<UsageRecord>): void {
    const settled = row.then((ready) => this.record(ready), (error) => console.error("[oauthrouter] usage row lost:", (error as Error).message));
    this.completing.add(settled);
    void settled.finally(() => this.completing.delete(settled));
  }

  pending(): number {
    return this.buffer.length + this.completing.size;
  }

  /** Writes everything buffered; resolves when it is stored (or rejects, keeping the rows). */
  async flush(): Promise<void> {
    await Promise.all(this.completing);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.buffer.length === 0) return;
    const batch = this.buffer.splice(0);
    this.flushing = this.write(batch).catch((error) => {
      this.buffer.unshift(...batch);
      this.timer ??= setTimeout(() => void this.flush(), 1_000).unref();
      throw error;
    });
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  private async write(batch: UsageRecord[]): Promise<void> {
    try {
      await insertUsageRows(batch);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      await this.writeOneByOne(batch);
    }
    await this.touchLastUsed(batch).catch(() => undefined);
  }

  /**
   * A row whose token or credential was deleted meanwhile is kept without that link; one whose
   * account is gone is dropped. Either way the rest of the batch is not held back.
   */
  private async writeOneByOne(batch: UsageRecord[]): Promise<void> {
    for (const row of batch) {
      const attempts = [row, { ...row, tokenId: null, credentialId: null }];
      for (const data of attempts) {
        const saved = await insertUsageRows([data]).then(() => true, (error) => {
          if (!isForeignKeyViolation(error)) throw error;
          return false;
        });
        if (saved) break;
        if (data === attempts[1]) console.warn(`[oauthrouter] usage row ${row.id} dropped: its account no longer exists`);
      }
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
    const prisma = await db();
    const at = new Date(now);
    if (tokenIds.length) await prisma.apiToken.updateMany({ where: { id: { in: tokenIds } }, data: { lastUsedAt: at } });
    if (credentialIds.length) {
      await prisma.providerCredential.updateMany({ where: { id: { in: credentialIds } }, data: { lastUsedAt: at } });
    }
  }
}

const SLOT = Symbol.for("oauthrouter.usageWriter");
type GlobalWithWriter = typeof globalThis & { [SLOT]?: UsageWriter };

export function usageWriter(): UsageWriter {
  const holder = globalThis as GlobalWithWriter;
  holder[SLOT] ??= new UsageWriter();
  return holder[SLOT];
}
