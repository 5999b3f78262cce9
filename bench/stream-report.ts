import type { TargetCheck } from "./report";
import type { StreamRow } from "./stream-phase";

const fixed = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? "" : n.toFixed(digits));

export function streamTable(rows: StreamRow[]): string {
  const header = ["phase", "target", "completed", "events/s", "open TTFB p50", "fresh TTFB p50", "fresh p99", "CPU ms/event", "loop p99 ms", "RSS before", "RSS open", "KB/stream", "heap KB/stream"];
  const widths = [12, 24, 11, 9, 14, 15, 10, 13, 12, 11, 9, 10, 14];
  const lines = [header.map((h, i) => h.padEnd(widths[i])).join(" ")];
  for (const r of rows) {
    const cells = [
      r.phase, r.target, `${r.completed}/${r.streams}`, fixed(r.eventsPerSecond, 0), fixed(r.openTtfb.p50, 0), fixed(r.freshTtfb.p50, 2), fixed(r.freshTtfb.p99, 1),
      fixed(r.cpuMsPerEvent, 3), fixed(r.loopDelay?.p99, 1), fixed(r.rssBeforeMb, 0), fixed(r.rssOpenMb, 0), fixed(r.kbPerStream, 1), fixed(r.heapKbPerStream, 1),
    ];
    lines.push(cells.map((c, i) => c.padEnd(widths[i])).join(" ") + (r.errors ? `  (${r.errors} errors, first: ${r.firstError})` : ""));
  }
  return lines.join("\n");
}

/** Per phase and database: fresh TTFB within 1.5x the reference's, throughput >= 90% of it, < 50 KB per open stream. */
export function checkStreamTargets(rows: StreamRow[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const phase of [...new Set(rows.map((r) => r.phase))]) {
    const reference = rows.find((r) => r.phase === phase && r.target === "reference proxy");
    for (const ours of rows.filter((r) => r.phase === phase && r.target.startsWith("oauthrouter"))) {
      const db = /\((.*)\)/.exec(ours.target)?.[1];
      const name = `${db}, ${phase}`;
      const kb = ours.kbPerStream ?? NaN;
      checks.push({ name: `${name}: every stream completed`, measured: `${ours.completed}/${ours.streams}`, pass: ours.completed === ours.streams });
      if (reference) {
        const ttfb = ours.freshTtfb.p50 / reference.freshTtfb.p50;
        const share = ours.eventsPerSecond / reference.eventsPerSecond;
        checks.push(
          { name: `${name}: fresh-request TTFB p50 within 1.5x the reference's`, measured: `${fixed(ours.freshTtfb.p50, 2)} ms vs ${fixed(reference.freshTtfb.p50, 2)} ms (${fixed(ttfb, 2)}x)`, pass: ttfb <= 1.5 },
          { name: `${name}: events/s >= 90% of the reference's`, measured: `${(share * 100).toFixed(0)} %`, pass: share >= 0.9 },
        );
      }
      checks.push({ name: `${name}: resident memory per open stream < 50 KB`, measured: `${fixed(kb, 1)} KB`, pass: kb < 50 });
    }
  }
  return checks;
}
