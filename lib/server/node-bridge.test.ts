import { createServer, request, type Server } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { listen } from "./api-server";
import { writeWebResponse } from "./node-bridge";
import { LeanResponse } from "@/lib/http/lean-response";

/** Serves one Web Response through the bridge, counting the socket's system-call-level writes. */
async function serve(makeResponse: () => Response): Promise<{ url: string; writes: () => number; server: Server }> {
  let count = 0;
  const server = createServer((_req, res) => {
    const socket = res.socket as Socket & { _write: (...args: unknown[]) => void; _writev: (...args: unknown[]) => void };
    for (const method of ["_write", "_writev"] as const) {
      const original = socket[method].bind(socket);
      socket[method] = (...args: unknown[]) => {
        count += 1;
        original(...args);
      };
    }
    // After an await, as in the API server (the answer is always awaited first).
    void Promise.resolve().then(() => writeWebResponse(res, makeResponse()));
  });
  return { url: await listen(server), writes: () => count, server };
}

/** Reads a response, calling `onChunk` with the text received so far after every chunk. */
function get(url: string, onChunk: (text: string) => void = () => {}): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => onChunk((text += chunk)));
      res.on("end", () => resolve(text));
    }).on("error", reject).end();
  });
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("writing a Web Response to Node", () => {
  it("sends a JSON answer's headers and body in one write", async () => {
    const served = await serve(() => Response.json({ ok: true }));
    server = served.server;
    expect(await get(served.url)).toBe('{"ok":true}');
    expect(served.writes()).toBe(1);
  });

  it("sends a LeanResponse's string as it is, in one write, without making its Web body", async () => {
    let made: LeanResponse | undefined;
    const served = await serve(() => (made = LeanResponse.json({ ok: "é" }, { status: 201, headers: { "x-one": "1" } })));
    server = served.server;
    const answer = await new Promise<{ status?: number; type?: string; one?: string; text: string }>((resolve, reject) => {
      request(served.url, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], one: res.headers["x-one"] as string, text }));
      }).on("error", reject).end();
    });
    expect(answer).toEqual({ status: 201, type: "application/json", one: "1", text: '{"ok":"é"}' });
    expect(served.writes()).toBe(1);
    // Written once: it counts as read, as any body that was sent.
    expect(made!.bodyUsed).toBe(true);
    await expect(made!.text()).rejects.toThrow(TypeError);
  });

  it("sends the chunks of a stream that are ready together in one write, and a later chunk at once on its own", async () => {
    const encoder = new TextEncoder();
    let sendLast = () => {};
    const lastAllowed = new Promise<void>((resolve) => (sendLast = resolve));
    const served = await serve(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              for (const event of ["a", "b", "c"]) controller.enqueue(encoder.encode(`data: ${event}\n\n`));
              // The last chunk waits until the client has the first three: nothing may be held back.
              await lastAllowed;
              controller.enqueue(encoder.encode("data: d\n\n"));
              controller.close();
            },
          }),
        ),
    );
    server = served.server;
    let writesWhenFirstThreeArrived = 0;
    const text = await get(served.url, (soFar) => {
      if (soFar.includes("data: c") && !soFar.includes("data: d")) {
        writesWhenFirstThreeArrived = served.writes();
        sendLast();
      }
    });
    expect(text).toBe("data: a\n\ndata: b\n\ndata: c\n\ndata: d\n\n");
    // Headers and the three ready chunks in one write; the last chunk and the chunked-encoding end after.
    expect(writesWhenFirstThreeArrived).toBe(1);
    expect(served.writes()).toBeLessThanOrEqual(3);
  });
});
