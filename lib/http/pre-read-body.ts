// The lean API server reads a request's body itself, within the size limit, before building the
// Web Request; handing the bytes over beside the Request spares a stream per request.
const preReadBodies = new WeakMap<Request, Uint8Array>();

/** A Web Request whose body was already read; `readJson` takes the bytes from here. */
export function requestWithPreReadBody(url: URL, init: RequestInit, body: Uint8Array | undefined): Request {
  const request = new Request(url, init);
  if (body) preReadBodies.set(request, body);
  return request;
}

export function takePreReadBody(request: Request): Uint8Array | undefined {
  const body = preReadBodies.get(request);
  preReadBodies.delete(request);
  return body;
}
