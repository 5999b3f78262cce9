import { assertModelName } from "@/lib/providers/model-name";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import type { ChatRequest, UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { contentParts, type RemoteImages } from "./content-parts";
import { toGeminiContents } from "./contents";
import { generationConfig } from "./generation-config";
import { geminiToolConfig, geminiTools } from "./tools";

/** The upstream context with the remote images the gateway fetched (see collectRemoteImageUrls). */
export type GeminiUpstreamContext = UpstreamContext & { remoteImages?: RemoteImages };

/** `ctx` carrying fetched images, typed for `ProviderAdapter.buildChatRequest`. */
export function withRemoteImages(ctx: UpstreamContext, remoteImages: RemoteImages): UpstreamContext {
  const extended: GeminiUpstreamContext = { ...ctx, remoteImages };
  return extended;
}

/**
 * `models/<id>` for plain ids; `tunedModels/<id>` and other full resource names as given, each
 * segment encoded. A name that could walk the path (`..`) never becomes one.
 */
export function geminiModelPath(model: string): string {
  assertModelName(model);
  const name = model.replace(/^models\//, "");
  const path = name.includes("/") ? name : `models/${name}`;
  return path.split("/").map(encodeURIComponent).join("/");
}

function systemInstruction(request: ChatRequest): Record<string, unknown> | undefined {
  const parts = request.messages
    .filter((m) => m.role === "system" || m.role === "developer")
    // Only text belongs in a system instruction.
    .flatMap((m) => contentParts(typeof m.content === "string" ? m.content : (m.content ?? []).filter((part) => part.type === "text")));
  return parts.length ? { parts } : undefined;
}

/**
 * Our request as generateContent (streams ask for `alt=sse` so one SSE parser serves every
 * provider). http(s) images must arrive fetched, in `images` or `ctx.remoteImages`.
 */
export function buildGeminiChatRequest(request: ChatRequest, ctx: GeminiUpstreamContext, images = ctx.remoteImages): UpstreamRequest {
  const functions = geminiTools(request);
  const toolConfig = functions ? geminiToolConfig(request.tool_choice) : undefined;
  // Grounding with Google Search: Gemini searches when it decides to.
  const tools = [...(functions ?? []), ...(request.web_search_options ? [{ google_search: {} }] : [])];
  const config = generationConfig(request, ctx.model);
  const instruction = systemInstruction(request);
  const body = {
    contents: toGeminiContents(request.messages, { model: ctx.model, images }),
    ...(instruction ? { systemInstruction: instruction } : {}),
    ...(tools.length ? { tools } : {}),
    ...(toolConfig ? { toolConfig } : {}),
    ...(Object.keys(config).length ? { generationConfig: config } : {}),
  };
  const method = request.stream ? "streamGenerateContent?alt=sse" : "generateContent";
  return {
    url: `${ctx.baseUrl}/v1beta/${geminiModelPath(ctx.model)}:${method}`,
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders("x-goog-api-key", ctx.credential) },
    body: JSON.stringify(body),
  };
}
