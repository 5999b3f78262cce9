import type { IncomingMessage, ServerResponse } from "node:http";
import type { Body, Family, RecordedRequest } from "./types";

export function credentialOf(req: IncomingMessage, url: URL): string {
  const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, "");
  return bearer || (req.headers["x-api-key"] as string) || (req.headers["x-goog-api-key"] as string) || url.searchParams.get("key") || "";
}

function modelOf(path: string, body: unknown): string | undefined {
  const fromPath = /\/models\/([^/:]+):/.exec(path)?.[1];
  if (fromPath) return decodeURIComponent(fromPath);
  const model = (body as Body | undefined)?.model;
  return typeof model === "string" ? model : undefined;
}

/** `/as/mistral/v1/chat/completions`: the fake plays Mistral at `/v1/chat/completions`. */
export function providerOf(url: URL): { url: URL; provider?: string } {
  const match = /^\/as\/([a-z-]+)(\/.*)$/.exec(url.pathname);
  if (!match) return { url };
  const plain = new URL(url);
  plain.pathname = match[2];
  return { url: plain, provider: match[1] };
}

/** What the fake saw; `model` keeps any `--fault-` suffix so match.model can select it. */
export function recordRequest(id: number, req: IncomingMessage, url: URL, family: Family, body: unknown, provider?: string): RecordedRequest {
  const model = modelOf(url.pathname, body);
  return {
    id, method: req.method ?? "GET", path: url.pathname, ...(provider ? { provider } : {}), query: Object.fromEntries(url.searchParams), headers: req.headers, body, family,
    credential: credentialOf(req, url), model, stream: url.pathname.endsWith(":streamGenerateContent") || (body as Body | undefined)?.stream === true,
    receivedAt: Date.now(), clientDisconnected: false,
  };
}

/** Fills in status and finish / disconnect times when the response closes. */
export function trackClose(res: ServerResponse, record: RecordedRequest): void {
  res.once("close", () => {
    record.status = res.statusCode;
    if (res.writableFinished) record.finishedAt = Date.now();
    else if (!record.cutByFake) Object.assign(record, { clientDisconnected: true, disconnectedAt: Date.now() });
  });
}
