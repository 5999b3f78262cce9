/** One request through the gateway, as stored in UsageEvent. */
export interface UsageRecord {
  id: string;
  userId: string;
  tokenId: string | null;
  credentialId: string | null;
  endpoint: "chat" | "messages" | "gemini" | "embeddings" | "responses" | "completions";
  modelRequested: string;
  provider: string | null;
  modelUsed: string | null;
  status: number;
  finishReason: string | null;
  nativeFinishReason: string | null;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  latencyMs: number;
  ttftMs: number | null;
  streamed: boolean;
  cancelled: boolean;
  countedMessage: boolean;
  errorType: string | null;
  errorMessage: string | null;
  attempts: number;
  /** `provider/model` as charted (lib/usage/model-name). */
  model: string;
  cacheWriteTokens: number;
  /** Millionths of a dollar; null when the model's price is unknown. */
  costMicros: number | null;
  costEstimated: boolean;
  appTitle: string | null;
  appReferer: string | null;
  createdAt: Date;
}
