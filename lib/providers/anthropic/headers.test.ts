import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import { anthropicHeaders, mergeBetas } from "./headers";
import { buildAnthropicChatRequest } from "./request";

const hello = { model: "x", messages: [{ role: "user" as const, content: "hi" }] };

describe("Anthropic headers", () => {
  it("sends an API key as x-api-key with the API version and no authorization", () => {
    const headers = buildAnthropicChatRequest(hello, testContext({ provider: "anthropic", credential: { secret: "sk-ant-api03-key", kind: "api_key" } })).headers;
    expect(headers).toEqual({ "content-type": "application/json", accept: "application/json", "anthropic-version": "2023-06-01", "x-api-key": "sk-ant-api03-key" });
  });

  it("sends an OAuth token as Bearer with the oauth beta, and nothing else", () => {
    const headers = buildAnthropicChatRequest({ ...hello, stream: true }, testContext({ provider: "anthropic", credential: { secret: "sk-ant-oat01-token", kind: "oauth_token" } })).headers;
    expect(headers).toEqual({
      "content-type": "application/json", accept: "text/event-stream", "anthropic-version": "2023-06-01",
      authorization: "Bearer sk-ant-oat01-token", "anthropic-beta": "oauth-2025-04-20",
    });
  });

  it("merges the client's betas with the oauth beta, de-duplicated", () => {
    const headers = anthropicHeaders({
      credential: { secret: "sk-ant-oat01-token", kind: "oauth_token" },
      passHeaders: { "anthropic-beta": "interleaved-thinking-2025-05-14, oauth-2025-04-20,context-1m-2025-08-07" },
    }, false);
    expect(headers["anthropic-beta"]).toBe("interleaved-thinking-2025-05-14,oauth-2025-04-20,context-1m-2025-08-07");
    expect(anthropicHeaders({ credential: { secret: "k", kind: "api_key" }, passHeaders: { "anthropic-beta": "context-1m-2025-08-07" } }, false)["anthropic-beta"]).toBe("context-1m-2025-08-07");
    expect(mergeBetas(" a ,b", undefined, "b,,c")).toBe("a,b,c");
  });
});
