import { expect } from "vitest";

export type Dialect = "openai" | "anthropic" | "gemini";

/** The dialect a path answers errors in: Google's under /v1beta, Anthropic's on /v1/messages, else OpenAI's. */
export function dialectOfPath(pathname: string): Dialect {
  if (/^\/v1beta(\/|$)/.test(pathname)) return "gemini";
  if (/^(\/api)?\/v1\/messages(\/|$)/.test(pathname)) return "anthropic";
  return "openai";
}

/** The error body each dialect's clients parse; `where` names the request in a failure. */
export function expectDialectError(body: unknown, dialect: Dialect, status: number, where?: string): void {
  if (dialect === "openai") expect(body, where).toMatchObject({ error: { message: expect.any(String), type: expect.any(String), code: expect.anything() } });
  if (dialect === "anthropic") expect(body, where).toMatchObject({ type: "error", error: { type: expect.any(String), message: expect.any(String) } });
  if (dialect === "gemini") expect(body, where).toMatchObject({ error: { code: status, message: expect.any(String), status: expect.any(String) } });
}
