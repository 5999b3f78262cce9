/**
 * One SSE frame; `event` is omitted for OpenAI-style data-only streams. JSON text has no line
 * breaks, so it skips the split; Buffer.from takes small frames from Node's shared pool instead
 * of a new ArrayBuffer per frame (the encoding runs once per event of every open stream).
 */
export function encodeSse(data: string, event?: string): Uint8Array {
  const lines = data.includes("\n") ? data.split("\n").map((line) => `data: ${line}`).join("\n") : `data: ${data}`;
  return Buffer.from(event ? `event: ${event}\n${lines}\n\n` : `${lines}\n\n`, "utf8");
}

/** An SSE comment: ignored by clients, keeps proxies and idle timers from closing the stream. */
export function encodeSseComment(text: string): Uint8Array {
  return Buffer.from(`: ${text}\n\n`, "utf8");
}
