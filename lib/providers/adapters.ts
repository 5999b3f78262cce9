import { anthropicAdapter } from "./anthropic";
import { cohereAdapter } from "./cohere";
import { geminiAdapter } from "./gemini";
import { openaiAdapter } from "./openai";
import type { ProviderAdapter, WireFamily } from "./types";

const adapters: Record<WireFamily, ProviderAdapter> = { openai: openaiAdapter, anthropic: anthropicAdapter, gemini: geminiAdapter, cohere: cohereAdapter };

export function adapterFor(family: WireFamily): ProviderAdapter {
  const adapter = adapters[family];
  if (!adapter) throw new Error(`No adapter for the ${family} wire family`);
  return adapter;
}
