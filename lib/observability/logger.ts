import { writeSync } from "node:fs";
import { redactText } from "@/lib/security/redact";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
// Field names whose values are never written, whatever they hold.
const SECRET_FIELDS = new Set(["authorization", "cookie", "set-cookie", "password", "secret", "token", "key", "apikey", "api_key", "x-api-key", "x-goog-api-key", "x-oauthrouter-key"]);

type Stream = "stdout" | "stderr";

let threshold: number | undefined;
let queued: Record<Stream, string[]> = { stdout: [], stderr: [] };
let scheduled = false;
// debug and info on stdout, warn and error on stderr (so a CLI's own output stays clean).
let sink: (text: string, stream: Stream) => void = (text, stream) => void process[stream].write(text);

function currentThreshold(): number {
  // process.env is a lookup in C++ on every read: read once, until a reset.
  threshold ??= RANK[(process.env.LOG_LEVEL as LogLevel | "silent" | undefined) ?? "info"] ?? RANK.info;
  return threshold;
}

function clean(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) return redactText(value.message);
  if (value === null || typeof value !== "object" || depth > 3) return value;
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) out[name] = SECRET_FIELDS.has(name.toLowerCase()) ? "[redacted]" : clean(inner, depth + 1);
  return out;
}

function flush(): void {
  scheduled = false;
  const { stdout, stderr } = queued;
  queued = { stdout: [], stderr: [] };
  if (stdout.length) sink(stdout.join(""), "stdout");
  if (stderr.length) sink(stderr.join(""), "stderr");
}

// Lines leave once per tick rather than one write each; whatever is queued at exit is written synchronously.
process.once("exit", () => {
  if (queued.stdout.length) writeSync(1, queued.stdout.join(""));
  if (queued.stderr.length) writeSync(2, queued.stderr.join(""));
  queued = { stdout: [], stderr: [] };
});

function write(level: LogLevel, msg: string, fields?: LogFields): void {
  if (RANK[level] < currentThreshold()) return;
  // Built as text, field by field: an access line per request must stay cheap.
  let line = `{"time":"${new Date().toISOString()}","level":"${level}","msg":${JSON.stringify(redactText(msg))}`;
  for (const name in fields) {
    const value = fields[name];
    if (value === undefined) continue;
    line += `,${JSON.stringify(name)}:${JSON.stringify(SECRET_FIELDS.has(name.toLowerCase()) ? "[redacted]" : clean(value))}`;
  }
  queued[RANK[level] >= RANK.warn ? "stderr" : "stdout"].push(line + "}\n");
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

/** An error's reason in one line: Prisma puts a code frame first and the reason on the last line. */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? message;
}

/** One JSON line per event on stdout, filtered by LOG_LEVEL; secrets are never written. */
export const log = {
  debug: (msg: string, fields?: LogFields) => write("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
  enabled: (level: LogLevel) => RANK[level] >= currentThreshold(),
};

/** For tests: capture lines instead of writing them, and re-read LOG_LEVEL. */
export function captureLogs(): { lines: () => LogFields[]; restore: () => void } {
  const captured: string[] = [];
  const previous = sink;
  flush();
  threshold = undefined;
  sink = (text) => void captured.push(text);
  return {
    lines: () => {
      flush();
      return captured.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as LogFields);
    },
    restore: () => {
      flush();
      sink = previous;
      threshold = undefined;
    },
  };
}
