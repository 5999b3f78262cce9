import type { IncomingMessage, ServerResponse } from "node:http";
import { GatewayError } from "@/lib/errors/gateway-error";
import { leanRequest } from "@/lib/http/lean-request";
import { LeanResponse } from "@/lib/http/lean-response";

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

const tooLarge = (maxBytes: number) => new GatewayError(413, "request_too_large", `Request body exceeds the limit of ${maxBytes} bytes`);

/**
 * A Node request as a Web Request. The body is read here, within the size limit, and handed to
 * `readJson` beside the Request (no stream to build); so is the signal that aborts when the
 * client goes away (`clientSignal`).
 */
export async function toWebRequest(req: IncomingMessage, res: ServerResponse, origin: string, maxBytes: number): Promise<Request> {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  // A record the Request copies into its own Headers (a Headers built here would be copied again).
  // Repeated headers join with ", ", which is what Headers.get gives for them too.
  const headers: Record<string, string> = {};
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? await readBody(req, maxBytes) : undefined;
  return leanRequest(new URL(req.url ?? "/", origin), { method: req.method, headers }, { body, signal: controller.signal });
}

/** Resolves when the socket can take more, or is gone. */
export function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

const uncork = (res: ServerResponse) => res.uncork();

/**
 * Writes made in the same turn of the event loop leave in one system call: the headers with a
 * JSON body, and the events of a stream that arrived together (an upstream often sends several
 * in one packet). Nothing waits longer than the current turn: writes happen in promise
 * continuations, and the uncork runs once those of this turn are done.
 */
function corkForThisTurn(res: ServerResponse): void {
  if (res.writableCorked) return;
  res.cork();
  process.nextTick(uncork, res);
}

/** Writes a Web Response to Node, chunk by chunk (no buffering), cancelling it if the client leaves. */
export async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  // The client may have gone while the answer was prepared: release the body (and its upstream) at once.
  if (res.destroyed) return void (await response.body?.cancel().catch(() => undefined));
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  const body = LeanResponse.readBody(response);
  if (!body || "text" in body) return void res.end(body?.text);
  const { reader } = body;
  // Headers go out now, not with the first chunk: a stream's status must not wait for its first token.
  // (Within this turn of the event loop, like every write: see corkForThisTurn.)
  corkForThisTurn(res);
  res.flushHeaders();
  const onClose = () => void reader.cancel().catch(() => undefined);
  res.on("close", onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      corkForThisTurn(res);
      if (!res.write(value)) await drained(res);
      if (res.destroyed) return onClose();
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off("close", onClose);
  }
}
