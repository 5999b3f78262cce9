import { responseEnvelope } from "./response-envelope";
import { responsesRequestSchema } from "./schema";
import type { ResponseEnvelope } from "./types";

/** A response envelope for a minimal request, for the converter tests. */
export function testEnvelope(fields: Record<string, unknown> = {}): ResponseEnvelope {
  return responseEnvelope(responsesRequestSchema.parse({ model: "any/model", input: "hi", ...fields }), "resp_test1", 1_760_000_000);
}
