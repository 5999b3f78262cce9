import type { UsageRecord } from "@/lib/usage/usage-record";

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

class Histogram {
  readonly buckets = BUCKETS.map(() => 0);
  sum = 0;
  count = 0;

  observe(seconds: number): void {
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) this.buckets[i] += 1;
    this.sum += seconds;
    this.count += 1;
  }
}

const increment = (map: Map<string, number>, labels: string) => map.set(labels, (map.get(labels) ?? 0) + 1);
const observe = (map: Map<string, Histogram>, labels: string, seconds: number) => {
  let histogram = map.get(labels);
  if (!histogram) map.set(labels, (histogram = new Histogram()));
  histogram.observe(seconds);
};

/** In-process Prometheus metrics: HTTP responses, gateway requests (from usage rows), upstream failures, streams. */
class Metrics {
  readonly http = new Map<string, number>();
  readonly httpLatency = new Map<string, Histogram>();
  readonly requests = new Map<string, number>();
  readonly latency = new Map<string, Histogram>();
  readonly firstToken = new Map<string, Histogram>();
  readonly upstreamErrors = new Map<string, number>();
  readonly streams = new Map<string, number>();
  private readonly gauges = new Map<string, { help: string; read: () => Array<[string, number]> }>();

  observeHttp(kind: string, status: number, seconds: number): void {
    increment(this.http, `kind="${kind}",status="${status}"`);
    observe(this.httpLatency, `kind="${kind}"`, seconds);
  }

  /** One failed upstream attempt, or a stream that broke after it started. */
  upstreamError(provider: string, type: string): void {
    increment(this.upstreamErrors, `provider="${provider}",type="${type}"`);
  }

  /** Every finished gateway request, from its usage row. */
  observe(row: UsageRecord): void {
    increment(this.requests, `endpoint="${row.endpoint}",provider="${row.provider ?? "none"}",status="${row.status}"`);
    observe(this.latency, `endpoint="${row.endpoint}"`, row.latencyMs / 1000);
    if (!row.streamed) return;
    const outcome = row.cancelled ? "cancelled" : row.status === 200 ? "completed" : "failed";
    increment(this.streams, `endpoint="${row.endpoint}",outcome="${outcome}"`);
    if (row.ttftMs !== null) observe(this.firstToken, `endpoint="${row.endpoint}"`, row.ttftMs / 1000);
  }

  /** A value read at scrape time (requests in flight, usage rows waiting to be written). */
  gauge(name: string, help: string, read: () => Array<[string, number]>): void {
    this.gauges.set(name, { help, read });
  }

  render(): string {
    const lines: string[] = [];
    const counter = (name: string, help: string, values: Map<string, number>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}{${labels}} ${value}`);
    };
    const histogram = (name: string, help: string, values: Map<string, Histogram>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
      for (const [labels, h] of values) {
        BUCKETS.forEach((bound, i) => lines.push(`${name}_bucket{${labels},le="${bound}"} ${h.buckets[i]}`));
        lines.push(`${name}_bucket{${labels},le="+Inf"} ${h.count}`, `${name}_sum{${labels}} ${h.sum}`, `${name}_count{${labels}} ${h.count}`);
      }
    };
    counter("oauthrouter_http_responses_total", "HTTP responses by kind (api, app, none) and status.", this.http);
    histogram("oauthrouter_http_request_duration_seconds", "HTTP request time until the response ended.", this.httpLatency);
    counter("oauthrouter_requests_total", "Gateway requests by endpoint, provider and status.", this.requests);
    histogram("oauthrouter_request_duration_seconds", "Gateway request latency.", this.latency);
    counter("oauthrouter_upstream_errors_total", "Failed upstream attempts and broken upstream streams, by provider and error type.", this.upstreamErrors);
    counter("oauthrouter_streams_total", "Streamed requests by endpoint and outcome (completed, cancelled, failed).", this.streams);
    histogram("oauthrouter_time_to_first_token_seconds", "Streams: time until the first token.", this.firstToken);
    for (const [name, { help, read }] of this.gauges) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
      for (const [labels, value] of read()) lines.push(labels ? `${name}{${labels}} ${value}` : `${name} ${value}`);
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
