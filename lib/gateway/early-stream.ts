import { toGatewayError } from "@/lib/errors/render-openai";
import type { GatewayError } from "@/lib/errors/gateway-error";
import { LeanResponse } from "@/lib/http/lean-response";
import type { ChunkReader } from "@/lib/sse/read-sse-through";
import type { ByteSource } from "@/lib/http/pull-stream";

/** How one streaming dialect starts, fills and fails a stream before the upstream has answered. */
export interface StreamDialect {
  headers: Record<string, string>;
  /** Bytes any client of the dialect skips (an SSE comment, Anthropic's ping, JSON whitespace). */
  keepAlive: Uint8Array;
  /** The whole rest of a stream that failed before its first event. */
  failure(error: GatewayError): Uint8Array;
}

/**
 * A streamed request's answer, without letting the client wait in silence: if `pending` (the
 * routed, already failing-over answer) takes longer than `keepAliveMs`, headers go out at once
 * with a keep-alive, repeated every `keepAliveMs`, until the answer's own bytes follow. A failure
 * after that is the stream's final error event; before it, the usual HTTP error (thrown).
 */
export async function streamAnswer(pending: Promise<Response>, dialect: StreamDialect, keepAliveMs: number): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<null>((resolve) => (timer = setTimeout(resolve, keepAliveMs, null)));
  try {
    return (await Promise.race([pending, slow])) ?? streamWhileWaiting(pending, dialect, keepAliveMs);
  } finally {
    clearTimeout(timer);
  }
}

function streamWhileWaiting(pending: Promise<Response>, dialect: StreamDialect, keepAliveMs: number): Response {
  let timer: NodeJS.Timeout | undefined;
  let reader: ChunkReader<Uint8Array> | undefined;
  let cancelled = false;
  const body: ByteSource = {
    start(sink) {
      sink.enqueue(dialect.keepAlive);
      timer = setInterval(() => sink.enqueue(dialect.keepAlive), keepAliveMs);
      timer.unref();
    },
    async pull(sink) {
      if (!reader) {
        let answer: Response;
        try {
          answer = await pending;
        } catch (error) {
          clearInterval(timer);
          if (cancelled) return;
          sink.enqueue(dialect.failure(toGatewayError(error)));
          return sink.close();
        } finally {
          clearInterval(timer);
        }
        if (cancelled) return void (await answer.body?.cancel().catch(() => undefined));
        const body = LeanResponse.readBody(answer);
        if (!body || "text" in body) {
          if (body) sink.enqueue(Buffer.from(body.text, "utf8"));
          return sink.close();
        }
        reader = body.reader;
      }
      const { done, value } = await reader.read();
      if (done) return sink.close();
      sink.enqueue(value);
    },
    async cancel(reason) {
      cancelled = true;
      clearInterval(timer);
      // The client's leaving also aborts the upstream call; an answer that still arrives is released.
      if (reader) await reader.cancel(reason);
      else void pending.then((answer) => answer.body?.cancel(), () => undefined);
    },
  };
  return new LeanResponse(body, { headers: dialect.headers });
}
