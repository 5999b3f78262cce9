import { toGatewayError } from "@/lib/errors/render-openai";
import type { GatewayError } from "@/lib/errors/gateway-error";

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
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(dialect.keepAlive);
        timer = setInterval(() => controller.enqueue(dialect.keepAlive), keepAliveMs);
        timer.unref();
      },
      async pull(controller) {
        if (!reader) {
          let answer: Response;
          try {
            answer = await pending;
          } catch (error) {
            clearInterval(timer);
            if (cancelled) return;
            controller.enqueue(dialect.failure(toGatewayError(error)));
            return controller.close();
          } finally {
            clearInterval(timer);
          }
          if (cancelled) return void (await answer.body?.cancel().catch(() => undefined));
          if (!answer.body) return controller.close();
          reader = answer.body.getReader();
        }
        const { done, value } = await reader.read();
        if (done) return controller.close();
        controller.enqueue(value);
      },
      async cancel(reason) {
        cancelled = true;
        clearInterval(timer);
        // The client's leaving also aborts the upstream call; an answer that still arrives is released.
        if (reader) await reader.cancel(reason);
        else void pending.then((answer) => answer.body?.cancel(), () => undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { headers: dialect.headers });
}
