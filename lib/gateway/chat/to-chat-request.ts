import { definedOnly } from "@/lib/providers/shared/request-fields";
import type { ChatRequest } from "@/lib/providers/types";
import type { ChatRequestInput } from "./request-schema";

/** Validated input as our ChatRequest: explicit nulls mean "not set" to every provider. */
export function toChatRequest(input: ChatRequestInput): ChatRequest {
  const request = definedOnly(input) as ChatRequest;
  request.model ??= (input.models?.[0] ?? "") as string;
  return request;
}
