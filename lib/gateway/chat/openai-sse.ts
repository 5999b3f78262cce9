import type { ChatChunk } from "@/lib/providers/types";
import { encodeSse, encodeSseComment } from "@/lib/sse/encode-sse";

const DONE = encodeSse("[DONE]");
const KEEPALIVE = encodeSseComment("OAUTHROUTER PROCESSING");

/**
 * Our chunks as OpenAI's SSE: each chunk out as soon as it is read, `data: [DONE]` at the end,
 * and a comment whenever nothing has been sent for `keepAliveMs` (slow models, idle proxies).
 */
export function openAiSseBody(chunks: ReadableStream<ChatChunk>, keepAliveMs: number): ReadableStream<Uint8Array> {
  const reader = chunks.getReader();
  let lastSent = Date.now();
  let timer: NodeJS.Timeout | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        timer = setInterval(() => {
          if (Date.now() - lastSent < keepAliveMs) return;
          lastSent = Date.now();
          controller.enqueue(KEEPALIVE);
        }, Math.max(250, Math.floor(keepAliveMs / 2)));
        timer.unref();
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        lastSent = Date.now();
        if (done) {
          clearInterval(timer);
          controller.enqueue(DONE);
          controller.close();
          return;
        }
        controller.enqueue(encodeSse(JSON.stringify(value)));
      },
      async cancel(reason) {
        clearInterval(timer);
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
