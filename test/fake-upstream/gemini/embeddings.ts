import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import { fakeVector } from "../openai/embeddings";
import type { Body, ErrorDetail, Exchange } from "../types";

export function validateEmbed({ body, record }: Exchange): ErrorDetail | null {
  const batch = record.path.endsWith(":batchEmbedContents");
  if (batch ? !Array.isArray(body.requests) : !body.content) return { status: 400, message: batch ? "* BatchEmbedContentsRequest.requests: requests is not specified\n" : "* EmbedContentRequest.content: content is not specified\n" };
  return null;
}

/** :embedContent → `{embedding:{values}}`; :batchEmbedContents → `{embeddings:[{values}]}`. */
export function embed(res: ServerResponse, ex: Exchange): Promise<void> {
  const { body } = ex;
  const requests: Body[] = body.requests ?? [body];
  const values = (i: number) => fakeVector(i, requests[i]?.outputDimensionality ?? 8);
  if (body.requests) return replyJson(res, ex, { embeddings: requests.map((_, i) => ({ values: values(i) })) });
  return replyJson(res, ex, { embedding: { values: values(0) } });
}
