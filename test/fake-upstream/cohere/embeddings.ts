import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import { randomUUID } from "node:crypto";
import { fakeVector } from "../openai/embeddings";
import type { ErrorDetail, Exchange } from "../types";

export function validateEmbed({ body }: Exchange): ErrorDetail | null {
  if (!body.model) return { status: 400, message: "invalid request: model must be specified" };
  if (!body.texts && !body.inputs && !body.images) return { status: 400, message: "invalid request: one of texts, images or inputs must be specified" };
  return null;
}

/** POST /v2/embed: embeddings by type (float, plus int8 when asked). */
export function embed(res: ServerResponse, ex: Exchange): Promise<void> {
  const texts: string[] = ex.body.texts ?? [];
  const types: string[] = ex.body.embedding_types ?? ["float"];
  const float = texts.map((_, i) => fakeVector(i));
  const embeddings: Record<string, number[][]> = { float };
  if (types.includes("int8")) embeddings.int8 = float.map((v) => v.map((x) => Math.round(x * 127)));
  return replyJson(res, ex, {
    id: randomUUID(),
    embeddings: Object.fromEntries(types.filter((t) => embeddings[t]).map((t) => [t, embeddings[t]])),
    texts,
    meta: { api_version: { version: "2" }, billed_units: { input_tokens: texts.reduce((n, t) => n + Math.max(1, Math.ceil(t.length / 4)), 0) } },
    response_type: "embeddings_by_type",
  });
}
