import { fetch } from "undici";
import { env } from "@/lib/config/env";
import { GatewayError } from "@/lib/errors/gateway-error";
import { publicOnlyAgent } from "@/lib/gateway/upstream/http-agent";
import type { ChatRequest, ContentPart } from "@/lib/providers/types";
import { assertPublicUrl } from "@/lib/security/public-address";

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

async function toDataUrl(url: string, signal: AbortSignal): Promise<string> {
  await assertPublicUrl(url, "Image URL");
  // The address is checked again as the socket connects: the name may resolve differently by now.
  const dispatcher = env().ALLOW_PRIVATE_UPSTREAMS ? undefined : publicOnlyAgent();
  const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]), redirect: "error", dispatcher }).catch(() => null);
  if (!response?.ok) throw new GatewayError(400, "invalid_request_error", `Could not fetch the image at ${url}`, { param: "messages" });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_IMAGE_BYTES) throw new GatewayError(413, "request_too_large", `The image at ${url} is larger than ${MAX_IMAGE_BYTES} bytes`);
  const type = response.headers.get("content-type")?.split(";")[0] || "image/jpeg";
  return `data:${type};base64,${bytes.toString("base64")}`;
}

/** For providers that need image bytes (Gemini): http(s) image URLs fetched and inlined once. */
export async function inlineRemoteImages(request: ChatRequest, signal: AbortSignal): Promise<ChatRequest> {
  const remote = request.messages.some((m) => Array.isArray(m.content) && m.content.some((p) => p.type === "image_url" && /^https?:/i.test(p.image_url.url)));
  if (!remote) return request;
  const messages = await Promise.all(request.messages.map(async (message) => {
    if (!Array.isArray(message.content)) return message;
    const content = await Promise.all(message.content.map(async (part): Promise<ContentPart> =>
      part.type === "image_url" && /^https?:/i.test(part.image_url.url) ? { ...part, image_url: { ...part.image_url, url: await toDataUrl(part.image_url.url, signal) } } : part));
    return { ...message, content };
  }));
  return { ...request, messages };
}
