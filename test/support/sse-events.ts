/** An SSE body as events: `event` (if any) and `data`, with `json` when the data parses. */
export interface ReadEvent {
  event?: string;
  data: string;
  json?: unknown;
}

export function readSseEvents(text: string): ReadEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .map((frame) => frame.split(/\r?\n/).filter((line) => line && !line.startsWith(":")))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const event = lines.find((line) => line.startsWith("event:"))?.slice(6).trim();
      const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trimStart()).join("\n");
      let json: unknown;
      try {
        json = JSON.parse(data);
      } catch {
        json = undefined;
      }
      return { event, data, json };
    });
}

/** Text that must never reach a client or a log: a stack frame or a source location. */
export const STACK_TRACE = /\n\s+at\s|\.(?:ts|js|mjs):\d+:\d+/;
