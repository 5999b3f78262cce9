import { readFileSync } from "node:fs";
import path from "node:path";
import type { ChatChunk, SseEvent, SyncTransformer } from "@/lib/providers/types";
import { readSseThrough } from "@/lib/sse/read-sse-through";

export function fixture(family: string, name: string): string {
  return readFileSync(path.join(process.cwd(), "lib/providers/fixtures", family, name), "utf8");
}

/** Replays a recorded SSE capture through a provider's stream transformer, in small uneven pieces, as the gateway reads it. */
export async function replayStream(text: string, transformer: SyncTransformer<SseEvent, ChatChunk>): Promise<{ chunks: ChatChunk[]; error?: unknown }> {
  const bytes = new TextEncoder().encode(text);
  async function* body() {
    for (let i = 0; i < bytes.length; i += 37) yield bytes.slice(i, i + 37);
  }
  const reader = readSseThrough(body(), transformer);
  const chunks: ChatChunk[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { chunks };
      chunks.push(value);
    }
  } catch (error) {
    return { chunks, error };
  }
}
