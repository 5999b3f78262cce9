import { expect } from "vitest";

export type Dialect = "openai" | "openrouter" | "anthropic" | "gemini";

/** The dialect a path answers errors in: Google's under /v1beta, Anthropic's on /v1/messages, OpenRouter's on the rest of /api/v1, else OpenAI's. */
export function dialectOfPath(pathname: string): Dialect {
  if (/^\/v1beta(\/|$)/.test(pathname)) return "gemini";
  if (/^(\/api)?\/v1\/messages(\/|$)/.test(pathname)) return "anthropic";
  if (/^\/api\/v1(\/|$)/.test(pathname)) return "openrouter";
  return "openai";
}

/** The error body each dialect's clients parse; `where` names the request in a failure. */
export function expectDialectError(body: unknown, dialect: Dialect, status: number, where?: string): void {
  if (dialect === "openai") expect(body, where).toMatchObject({ error: { message: expect.any(String), type: expect.any(String), code: expect.anything() } });
  // @openrouter/sdk validates `code` as an integer; our own code, if any, is metadata.code.
  if (dialect === "openrouter") expect(body, where).toMatchObject({ error: { message: expect.any(String), type: expect.any(String), code: status } });
  if (dialect === "anthropic") expect(body, where).toMatchObject({ type: "error", error: { type: expect.any(String), message: expect.any(String) } });
  if (dialect === "gemini") expect(body, where).toMatchObject({ error: { code: status, message: expect.any(String), status: expect.any(String) } });
}
