import { readFileSync } from "node:fs";
import path from "node:path";
import type { ChatChunk, SseEvent } from "@/lib/providers/types";
import { sseEventStream } from "@/lib/sse/parse-sse-stream";

export function fixture(family: string, name: string): string {
  return readFileSync(path.join(process.cwd(), "lib/providers/fixtures", family, name), "utf8");
}

/** Replays a recorded SSE capture through a provider's stream transform, in small uneven pieces. */
export async function replayStream(text: string, transform: TransformStream<SseEvent, ChatChunk>): Promise<{ chunks: ChatChunk[]; error?: unknown }> {
  const bytes = new TextEncoder().encode(text);
  async function* body() {
    for (let i = 0; i < bytes.length; i += 37) yield bytes.slice(i, i + 37);
  }
  const chunks: ChatChunk[] = [];
  try {
    for await (const chunk of sseEventStream(body()).pipeThrough(transform) as unknown as AsyncIterable<ChatChunk>) chunks.push(chunk);
    return { chunks };
  } catch (error) {
    return { chunks, error };
  }
}
