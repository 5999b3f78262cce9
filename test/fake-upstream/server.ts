import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { sendError } from "./errors";
import { FaultBook } from "./fault-book";
import { credentialFault, faultFromModel, parseFaults, type Fault } from "./faults";
import { readBody, sleep } from "./http";
import { providerOf, recordRequest, trackClose } from "./record";
import { findRoute } from "./routes";
import type { Body, ErrorDetail, Family, RecordedRequest } from "./types";

export type { Fault, FaultMatch } from "./faults";
export type { RecordedRequest } from "./types";

export interface FakeUpstreamOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Added before every response's headers (benchmarks). */
  latencyMs?: number;
  /** Keep `requests` (default true); the standalone CLI turns it off. */
  record?: boolean;
}

export interface FakeUpstream {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Adds a fault for the matching requests (all of them, or the next `times`). */
  setFault(fault: Fault): void;
  /** Forgets faults and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const INVALID_JSON: Record<Family, string> = {
  openai: "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
  anthropic: "There was an issue with the format of your request: invalid JSON",
  gemini: "Invalid JSON payload received. Unexpected token.",
  cohere: "invalid request: could not parse request body as JSON",
};

/** The fault modes a request asks for: x-fake-fault header, a `--fault-` model suffix, then setFault. */
function faultModes(record: RecordedRequest, book: FaultBook): { modes: string[]; message?: string; code?: string | null } {
  const modes: string[] = [];
  const header = record.headers["x-fake-fault"];
  if (typeof header === "string") modes.push(header);
  const fromModel = faultFromModel(record.model);
  if (fromModel) modes.push(fromModel);
  const fault = book.take(record);
  if (fault) modes.push(fault.mode);
  return { modes, message: fault?.message, code: fault?.code };
}

function requestError(record: RecordedRequest, invalidJson: boolean, body: Body, route: NonNullable<ReturnType<typeof findRoute>>): ErrorDetail | null {
  if (invalidJson) return { status: 400, message: INVALID_JSON[route.family] };
  return route.validate?.({ record, body, plan: {} }) ?? null;
}

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  const book = new FaultBook();
  const sockets = new Set<Socket>();
  let nextId = 1;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const { url, provider } = providerOf(new URL(req.url ?? "/", "http://fake"));
    const read = await readBody(req);
    const route = findRoute(req.method ?? "GET", url.pathname, { headers: req.headers, query: Object.fromEntries(url.searchParams) });
    const family: Family = route?.family ?? (url.pathname.startsWith("/v1beta") ? "gemini" : "openai");
    const record = recordRequest(nextId++, req, url, family, read.json, provider);
    if (options.record !== false) requests.push(record);
    trackClose(res, record);
    if (!route) return sendError(res, family, { status: 404, path: url.pathname, method: req.method }, record);
    const { modes, message, code } = faultModes(record, book);
    if (modes.length) record.fault = modes.join(",");
    const effect = parseFaults(modes, message, code);
    const delay = (options.latencyMs ?? 0) + effect.delayMs;
    if (delay) await sleep(delay);
    const body: Body = read.json && typeof read.json === "object" ? (read.json as Body) : {};
    const error = effect.error ?? (route.public ? null : credentialFault(record.credential)) ?? requestError(record, read.invalid, body, route);
    if (error) return sendError(res, family, error, record);
    if (effect.malformedJson) return void res.writeHead(200, { "content-type": "application/json" }).end('{"id": "fake", "choices": [{"message": oops');
    await route.handle(res, { record, body, plan: effect.plan });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendError(res, "openai", { status: 500, message: `fake upstream failed: ${String(error)}` });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    requests,
    setFault: (fault) => book.add(fault),
    reset() {
      book.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
