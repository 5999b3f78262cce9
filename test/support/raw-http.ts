import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request over node:http, for what fetch will not send: the path exactly as written (no dot
 * segments resolved, no re-encoding), a malformed Host, TRACE, hop-by-hop headers.
 */
export function sendRaw(baseUrl: string, request: { method: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  const { method, path, body } = request;
  const headers = { ...request.headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) };
  return new Promise((resolve, reject) => {
    // An explicit Host replaces the one Node would add.
    const req = httpRequest(`${baseUrl}/`, { method, path, headers, setHost: !("host" in headers) }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (d) => (text += d)).on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject).end(body);
  });
}
