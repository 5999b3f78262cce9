/** The body of POST /v1/messages/count_tokens. How the tokens are counted is the gateway's choice. */
export interface CountTokensResult {
  input_tokens: number;
}

export function toCountTokensResult(inputTokens: number): CountTokensResult {
  return { input_tokens: Number.isFinite(inputTokens) ? Math.max(0, Math.round(inputTokens)) : 0 };
}
