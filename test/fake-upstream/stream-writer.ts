import type { ServerResponse } from "node:http";
import { drained } from "@/lib/server/node-bridge";
import { sleep } from "./http";
import type { Exchange, StreamFormat } from "./types";

/** One SSE event: an optional `event:` line and one `data:` line. */
export function sseFrame(data: unknown, event?: string, eol = "\n"): string {
  const json = typeof data === "string" ? data : JSON.stringify(data);
  return `${event ? `event: ${event}${eol}` : ""}data: ${json}${eol}${eol}`;
}

/** Cuts a frame's JSON in half, keeping its `event:`/`data:` prefix and the blank line after it. */
function breakFrame(frame: string): string {
  const start = frame.indexOf("data: ") >= 0 ? frame.indexOf("data: ") + 6 : 0;
  const json = frame.slice(start).trimEnd();
  const eol = frame.endsWith("\r\n\r\n") ? "\r\n\r\n" : start ? "\n\n" : "";
  return frame.slice(0, start) + json.slice(0, Math.ceil(json.length / 2)) + eol;
}

/** Writes pre-rendered frames with the exchange's faults: delays, a cut socket, an error event, broken JSON. */
export async function writeStream(res: ServerResponse, ex: Exchange, frames: string[], format: StreamFormat, headers: Record<string, string> = {}): Promise<void> {
  const { plan } = ex;
  res.writeHead(200, { "content-type": format.contentType, "cache-control": "no-cache", ...headers });
  res.flushHeaders();
  const brokenAt = plan.malformed ? Math.min(1, frames.length - 1) : -1;
  let flushed: Promise<void> = Promise.resolve();
  for (let i = 0; i < frames.length; i++) {
    const delay = i === 0 ? plan.firstEventDelayMs : plan.eventDelayMs;
    if (delay) await sleep(delay);
    if (res.destroyed) return;
    const lead = i === 0 ? (format.open ?? "") : (format.separator ?? "");
    if (plan.cutAfter !== undefined && i >= plan.cutAfter) {
      // Let the events already written reach the client, then drop the socket.
      ex.record.cutByFake = true;
      await flushed;
      res.destroy();
      return;
    }
    if (plan.errorAfter !== undefined && i >= plan.errorAfter) {
      res.end(lead + format.errorFrame(plan.errorMessage) + (format.close ?? ""));
      return;
    }
    if (plan.overLongEventChars && i === 1) return writeOverLongEvent(res, lead, plan.overLongEventChars);
    const text = lead + (i === brokenAt ? breakFrame(frames[i]) : frames[i]);
    if (plan.cutAfter === undefined) res.write(text);
    else flushed = new Promise((resolve) => res.write(text, () => resolve()));
  }
  if (!res.destroyed) res.end(format.close ?? "");
}

/** One `data:` line of `chars` characters, in 1 MB writes; stops when the reader hangs up. */
async function writeOverLongEvent(res: ServerResponse, lead: string, chars: number): Promise<void> {
  const piece = "x".repeat(1024 * 1024);
  res.write(`${lead}data: `);
  for (let sent = 0; sent < chars; sent += piece.length) {
    if (res.destroyed) return;
    if (!res.write(piece)) await drained(res);
  }
  if (!res.destroyed) res.end("\n\n");
}
