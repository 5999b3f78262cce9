import { apiPublicUrl, publicUrl } from "@/lib/config/env";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { CORS_HEADERS } from "@/lib/http/cors";
import { buildOpenApiDocument } from "./document";

let cached: { key: string; body: string } | undefined;

/** GET /openapi.json: the document for this server's configured URLs, readable from any origin. */
export async function handleOpenApi(): Promise<Response> {
  try {
    const hosts = { apiUrl: apiPublicUrl(), publicUrl: publicUrl() };
    const key = `${hosts.apiUrl} ${hosts.publicUrl}`;
    if (cached?.key !== key) cached = { key, body: JSON.stringify(buildOpenApiDocument(hosts), null, 2) };
    return new Response(cached.body, {
      headers: { ...CORS_HEADERS, "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" },
    });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
