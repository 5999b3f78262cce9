const encoder = new TextEncoder();

/** One SSE frame; `event` is omitted for OpenAI-style data-only streams. */
export function encodeSse(data: string, event?: string): Uint8Array {
  const lines = data.split("\n").map((line) => `data: ${line}`).join("\n");
  return encoder.encode(event ? `event: ${event}\n${lines}\n\n` : `${lines}\n\n`);
}

/** An SSE comment: ignored by clients, keeps proxies and idle timers from closing the stream. */
export function encodeSseComment(text: string): Uint8Array {
  return encoder.encode(`: ${text}\n\n`);
}
