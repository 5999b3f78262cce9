import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { ErrorDetail, Exchange } from "../types";

/** Input i gets [(i+1)·0.01, (i+1)·0.01 + 0.001, …]; 8 numbers unless `dimensions` says otherwise. */
export const fakeVector = (i: number, length = 8) => Array.from({ length }, (_, k) => Number(((i + 1) * 0.01 + k * 0.001).toFixed(6)));

/** Little-endian float32, as OpenAI's `encoding_format: "base64"` sends it. */
export function float32Base64(values: number[]): string {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((v, k) => buffer.writeFloatLE(v, k * 4));
  return buffer.toString("base64");
}

const tokensOf = (input: unknown) => Math.max(1, Math.ceil((typeof input === "string" ? input.length : Array.isArray(input) ? input.length * 4 : 4) / 4));

export function validateEmbeddings({ body }: Exchange): ErrorDetail | null {
  if (!body.model) return { status: 400, message: "you must provide a model parameter", param: "model" };
  if (body.input === undefined || body.input === "") return { status: 400, message: "'input' is a required property", param: "input" };
  return null;
}

/** POST …/embeddings: floats, or base64 when `encoding_format: "base64"`. */
export function embeddings(res: ServerResponse, ex: Exchange): Promise<void> {
  const { body } = ex;
  // A list of numbers is one tokenised input; a list of strings (or of lists) is several.
  const inputs: unknown[] = Array.isArray(body.input) && typeof body.input[0] !== "number" ? body.input : [body.input];
  const promptTokens = inputs.reduce<number>((sum, input) => sum + tokensOf(input), 0);
  return replyJson(res, ex, {
    object: "list",
    data: inputs.map((_, i) => {
      const vector = fakeVector(i, body.dimensions ?? 8);
      return { object: "embedding", index: i, embedding: body.encoding_format === "base64" ? float32Base64(vector) : vector };
    }),
    model: body.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
