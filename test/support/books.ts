import { db } from "@/lib/db";
import { counterStore, userMonthKey } from "@/lib/quota/admit-message";

/** What a test expects the usage row of one request it sent to say. */
export interface ExpectedRow {
  generationId: string;
  userId: string;
  status: number;
  streamed: boolean;
  cancelled: boolean;
  /** Whether a message was used; undefined when either is right (a race the test cannot know). */
  countedMessage?: boolean;
}

export interface BooksReport {
  problems: string[];
  rows: number;
  counted: Map<string, number>;
  counters: Map<string, number>;
}

/**
 * Compares the usage rows and monthly message counters of `userIds` with what was sent: one row
 * per request, none other, each with the expected status and flags, and every limited user's
 * counter equal to the rows that used a message.
 */
export async function auditBooks(expected: ExpectedRow[], userIds: string[], limitedUserIds: string[] = userIds): Promise<BooksReport> {
  const prisma = await db();
  const rows = await prisma.usageEvent.findMany({ where: { userId: { in: userIds } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const problems: string[] = [];
  const sentIds = new Set(expected.map((e) => e.generationId));
  if (sentIds.size !== expected.length) problems.push(`${expected.length - sentIds.size} generation ids repeated`);
  for (const want of expected) {
    const row = byId.get(want.generationId);
    if (!row) {
      problems.push(`no usage row for ${want.generationId} (status ${want.status})`);
      continue;
    }
    const got = { status: row.status, streamed: row.streamed, cancelled: row.cancelled, countedMessage: row.countedMessage };
    const mismatch = (Object.keys(got) as Array<keyof typeof got>).filter((key) => want[key] !== undefined && want[key] !== got[key]);
    if (mismatch.length) problems.push(`${want.generationId}: expected ${JSON.stringify(want)}, row says ${JSON.stringify(got)}`);
  }
  for (const row of rows) if (!sentIds.has(row.id)) problems.push(`usage row ${row.id} matches no request sent`);
  const counted = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const userId of limitedUserIds) {
    counted.set(userId, rows.filter((row) => row.userId === userId && row.countedMessage).length);
    counters.set(userId, await counterStore().read(userMonthKey(userId, new Date())));
    if (counters.get(userId) !== counted.get(userId)) problems.push(`user ${userId}: counter ${counters.get(userId)}, rows with a message ${counted.get(userId)}`);
  }
  return { problems, rows: rows.length, counted, counters };
}

/** Audits until the books balance (rows are written and refunds retried in the background) or time runs out. */
export async function booksWhenSettled(expected: ExpectedRow[], userIds: string[], limitedUserIds?: string[], timeoutMs = 20_000): Promise<BooksReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await auditBooks(expected, userIds, limitedUserIds).catch((error) => ({ problems: [String(error)], rows: 0, counted: new Map(), counters: new Map() }));
    if (report.problems.length === 0 || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
