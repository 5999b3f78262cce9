// The reference: a minimal Node pass-through proxy (parse JSON, forward with fetch, pipe back).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", default: "0" }, target: { type: "string" } } });
const target = values.target!;

async function forward(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const upstream = await fetch(target + req.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-bench-reference" },
    body: JSON.stringify(body),
  });
  res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
  Readable.fromWeb(upstream.body as never).on("error", () => res.destroy()).pipe(res);
}

// A failed upstream call is a 502, not a crash (thousands of streams at once can time out connecting).
const server = createServer((req, res) => void forward(req, res).catch(() => (res.headersSent ? res.destroy() : res.writeHead(502).end())));
server.keepAliveTimeout = 60_000;
server.listen(Number(values.port), "127.0.0.1", () => {
  const address = server.address() as { port: number };
  console.log(`PROXY http://127.0.0.1:${address.port}`);
});
