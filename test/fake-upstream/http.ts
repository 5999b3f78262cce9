import type { IncomingMessage, ServerResponse } from "node:http";
import type { Exchange } from "./types";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export interface ReadBody {
  text: string;
  json: unknown;
  /** Non-empty text that is not JSON. */
  invalid: boolean;
}

export async function readBody(req: IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return { text, json: undefined, invalid: false };
  try {
    return { text, json: JSON.parse(text), invalid: false };
  } catch {
    return { text, json: text, invalid: true };
  }
}

/** A 200 JSON reply with the exchange's faults: first byte delayed, or the body cut in half. */
export async function replyJson(res: ServerResponse, ex: Exchange, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const text = JSON.stringify(body);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  if (ex.plan.firstEventDelayMs) {
    res.flushHeaders();
    await sleep(ex.plan.firstEventDelayMs);
    if (res.destroyed) return;
  }
  if (ex.plan.cutAfter !== undefined) {
    ex.record.cutByFake = true;
    await new Promise<void>((resolve) => res.write(text.slice(0, Math.floor(text.length / 2)), () => resolve()));
    res.destroy();
    return;
  }
  res.end(text);
}
