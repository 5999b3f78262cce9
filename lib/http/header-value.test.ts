import { describe, expect, it } from "vitest";
import { answerHeaders } from "@/lib/gateway/execute-chat";
import type { ChatOutcome } from "@/lib/gateway/execute-chat";
import { headerValue } from "./header-value";

describe("values from elsewhere in our answer's headers", () => {
  it("keeps visible ASCII as it is and percent-encodes the rest, so building the answer cannot fail", () => {
    expect(headerValue("gpt-4o-2024-08-06")).toBe("gpt-4o-2024-08-06");
    const odd = "gpt-4o\u2028\r\nx-injected: 1\u00e9";
    const outcome = { kind: "json", id: "gen-1", attempt: { provider: "openai", model: odd }, response: {} } as unknown as ChatOutcome;
    const response = new Response(null, { headers: answerHeaders(outcome) });
    expect(decodeURIComponent(response.headers.get("x-oauthrouter-model")!)).toBe(odd);
    expect(response.headers.get("x-injected")).toBeNull();
  });
});
