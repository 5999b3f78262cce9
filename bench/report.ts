import type { LoadResult } from "./load";

export interface Row {
  target: string;
  latencyMs: number;
  /** Requests per second during the warm-up run, from a fresh start. */
  coldRps?: number;
  load: LoadResult;
  streamLoad: LoadResult;
  ttfb: { p50: number; p99: number };
  cpuS?: number;
  cpuMsPerRequest?: number;
  peakRssMb?: number;
  rssAfterMb?: number;
}

export interface TargetCheck {
  name: string;
  measured: string;
  pass: boolean;
}

const fixed = (n: number | undefined, digits = 1) => (n === undefined ? "" : n.toFixed(digits));

export function table(rows: Row[]): string {
  const direct = (ms: number) => rows.find((r) => r.target === "direct" && r.latencyMs === ms)!;
  const header = ["target", "upstream", "cold req/s", "req/s", "p50", "p99", "added p50", "added p99", "stream req/s", "stream p50", "TTFB p50", "TTFB added", "CPU ms/req", "peak RSS MB"];
  const widths = [24, 9, 11, 8, 6, 6, 10, 10, 13, 11, 9, 11, 11, 11];
  const lines = [header.map((h, i) => h.padEnd(widths[i])).join(" ")];
  for (const r of rows) {
    const d = direct(r.latencyMs);
    const cells = [
      r.target, `${r.latencyMs} ms`, fixed(r.coldRps, 0), fixed(r.load.rps, 0), String(r.load.p50), String(r.load.p99),
      fixed(r.load.p50 - d.load.p50), fixed(r.load.p99 - d.load.p99), fixed(r.streamLoad.rps, 0), String(r.streamLoad.p50),
      fixed(r.ttfb.p50, 2), fixed(r.ttfb.p50 - d.ttfb.p50, 2), fixed(r.cpuMsPerRequest, 2), fixed(r.peakRssMb, 0),
    ];
    const errors = r.load.errors + r.streamLoad.errors;
    lines.push(cells.map((c, i) => c.padEnd(widths[i])).join(" ") + (errors ? `  (${errors} errors)` : ""));
  }
  return lines.join("\n");
}

const PEAK_RSS_MB: Record<string, number> = { postgres: 200, embedded: 300 };
const MIN_SHARE: Record<string, number> = { postgres: 1, embedded: 0.9 };

/**
 * The short-request targets, each against the reference proxy in the same run: throughput at 0 ms
 * upstream, added median and p99 latency and stream TTFB at 50 ms, peak RSS and its growth.
 * (autocannon's latency percentiles are whole milliseconds, so "within 0.5 ms" means equal.)
 */
export function checkTargets(rows: Row[], leaks: Record<string, number[]>): TargetCheck[] {
  const find = (target: string, ms: number) => rows.find((r) => r.target === target && r.latencyMs === ms);
  const checks: TargetCheck[] = [];
  const reference50 = find("reference proxy", 50);
  const reference0 = find("reference proxy", 0);
  for (const db of ["postgres", "embedded"]) {
    const ours50 = find(`oauthrouter (${db})`, 50);
    const ours0 = find(`oauthrouter (${db})`, 0);
    if (!ours50 || !ours0 || !reference0 || !reference50) continue;
    const p50Over = ours50.load.p50 - reference50.load.p50;
    const p99Ratio = ours50.load.p99 / reference50.load.p99;
    const ttfbOver = ours50.ttfb.p50 - reference50.ttfb.p50;
    const share = ours0.load.rps / reference0.load.rps;
    const peak = Math.max(ours0.peakRssMb ?? 0, ours50.peakRssMb ?? 0);
    const leak = leaks[db] ?? [];
    const growth = leak.length > 1 ? leak[leak.length - 1] - leak[1] : 0;
    checks.push(
      { name: `${db}: throughput >= ${MIN_SHARE[db] * 100}% of the reference's (0 ms upstream)`, measured: `${(share * 100).toFixed(0)} %`, pass: share >= MIN_SHARE[db] },
      { name: `${db}: added p50 within 0.5 ms of the reference's (50 ms upstream)`, measured: `${p50Over.toFixed(1)} ms over`, pass: p50Over <= 0.5 },
      { name: `${db}: p99 within 1.25x the reference's (50 ms upstream)`, measured: `${p99Ratio.toFixed(2)}x`, pass: p99Ratio <= 1.25 },
      { name: `${db}: stream TTFB p50 within 0.5 ms of the reference's`, measured: `${ttfbOver.toFixed(2)} ms over`, pass: ttfbOver <= 0.5 },
      { name: `${db}: peak RSS <= ${PEAK_RSS_MB[db]} MB under load`, measured: `${peak.toFixed(0)} MB`, pass: peak <= PEAK_RSS_MB[db] },
      // The first run grows the heap to its working size; after that, resident memory must level off.
      { name: `${db}: no RSS growth across repeated runs (after the first)`, measured: `${growth} MB`, pass: growth <= 10 },
    );
  }
  return checks;
}
