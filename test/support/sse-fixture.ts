import { readFileSync } from "node:fs";
import path from "node:path";
import type { ChatChunk, SseEvent, SyncTransformer } from "@/lib/providers/types";
import { readSseThrough } from "@/lib/sse/read-sse-through";

export function fixture(family: string, name: string): string {
  return readFileSync(path.join(process.cwd(), "lib/providers/fixtures", family, name), "utf8");
}

export interface FailedReplay {
  chunks: ChatChunk[];
  error: unknown;
}

/** Reads the capture through the transformer in small uneven pieces, as the gateway reads it. */
async function replay(text: string, transformer: SyncTransformer<SseEvent, ChatChunk>): Promise<FailedReplay | { chunks: ChatChunk[] }> {
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

/** Replays a recorded SSE capture; a stream that fails rejects, with the chunks read before it in the message. */
export async function replayStream(text: string, transformer: SyncTransformer<SseEvent, ChatChunk>): Promise<ChatChunk[]> {
  const result = await replay(text, transformer);
  if ("error" in result) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`the stream failed after ${result.chunks.length} chunk(s): ${cause}`, { cause: result.error });
  }
  return result.chunks;
}

/** Replays a capture that must fail: resolves with the error and the chunks before it, rejects if the stream ended cleanly. */
export async function replayFailingStream(text: string, transformer: SyncTransformer<SseEvent, ChatChunk>): Promise<FailedReplay> {
  const result = await replay(text, transformer);
  if (!("error" in result)) throw new Error(`the stream ended without an error after ${result.chunks.length} chunk(s)`);
  return result;
}
