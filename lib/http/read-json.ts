import { GatewayError, badRequest } from "@/lib/errors/gateway-error";
import { assertWithinJsonLimits } from "./json-limits";
import { takePreReadBody } from "./lean-request";

/**
 * The request body as JSON, with a size limit enforced while reading (Content-Length can lie)
 * and clear errors for bodies that are too large, not UTF-8, not JSON, or nested past JSON_LIMITS
 * (which every converter of caller structure relies on).
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = takePreReadBody(request) ?? (await readLimited(request, maxBytes));
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  if (bytes.length === 0) throw badRequest("Request body is empty; send a JSON object");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("Request body is not valid UTF-8");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  assertWithinJsonLimits(body);
  return body;
}

function tooLarge(maxBytes: number) {
  return new GatewayError(413, "request_too_large", `Request body exceeds the limit of ${maxBytes} bytes`);
}

/** The body as bytes, refused with a 413 as soon as it passes `maxBytes`. */
export async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
