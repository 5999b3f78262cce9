import type { UsageRecord } from "@/lib/usage/usage-record";

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

/** In-process Prometheus counters, fed by every finished request's usage record. */
class Metrics {
  readonly requests = new Map<string, number>();
  readonly upstreamErrors = new Map<string, number>();
  readonly streams = new Map<string, number>();
  readonly latency = new Map<string, Histogram>();

  observe(row: UsageRecord): void {
    const labels = `endpoint="${row.endpoint}",provider="${row.provider ?? "none"}",status="${row.status}"`;
    this.requests.set(labels, (this.requests.get(labels) ?? 0) + 1);
    if (row.streamed) {
      const key = `endpoint="${row.endpoint}",cancelled="${row.cancelled}"`;
      this.streams.set(key, (this.streams.get(key) ?? 0) + 1);
    }
    if (row.errorType && row.provider) {
      const key = `provider="${row.provider}",type="${row.errorType}"`;
      this.upstreamErrors.set(key, (this.upstreamErrors.get(key) ?? 0) + 1);
    }
    const key = `endpoint="${row.endpoint}"`;
    const histogram = this.latency.get(key) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
    const seconds = row.latencyMs / 1000;
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.buckets[i] += 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
    this.latency.set(key, histogram);
  }

  render(): string {
    const lines: string[] = [];
    const counter = (name: string, help: string, values: Map<string, number>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}{${labels}} ${value}`);
    };
    counter("oauthrouter_requests_total", "Gateway requests by endpoint, provider and status.", this.requests);
    counter("oauthrouter_upstream_errors_total", "Failed requests by provider and error type.", this.upstreamErrors);
    counter("oauthrouter_streams_total", "Streamed requests, cancelled or not.", this.streams);
    lines.push("# HELP oauthrouter_request_duration_seconds Gateway request latency.", "# TYPE oauthrouter_request_duration_seconds histogram");
    for (const [labels, h] of this.latency) {
      BUCKETS.forEach((bound, i) => lines.push(`oauthrouter_request_duration_seconds_bucket{${labels},le="${bound}"} ${h.buckets[i]}`));
      lines.push(`oauthrouter_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      lines.push(`oauthrouter_request_duration_seconds_sum{${labels}} ${h.sum}`, `oauthrouter_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    return lines.join("\n") + "\n";
  }
}

const SLOT = Symbol.for("oauthrouter.metrics");
type GlobalWithMetrics = typeof globalThis & { [SLOT]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as GlobalWithMetrics;
  holder[SLOT] ??= new Metrics();
  return holder[SLOT];
}
