import { describe, expect, it } from "vitest";
import { fixture } from "@/test/support/sse-fixture";
import { parseOpenAiErrorBody } from "./errors";

describe("parseOpenAiErrorBody", () => {
  it("reads OpenAI's error object", () => {
    expect(parseOpenAiErrorBody(401, fixture("openai", "error-invalid-key.json"))).toMatchObject({ code: "invalid_api_key", type: "invalid_request_error", message: expect.stringMatching(/^Incorrect API key provided/) });
  });

  it("reads bare messages, details, arrays, numeric codes and plain text", () => {
    expect(parseOpenAiErrorBody(422, JSON.stringify({ detail: "Invalid model" }))).toEqual({ message: "Invalid model" });
    expect(parseOpenAiErrorBody(400, JSON.stringify([{ error: { message: "bad", code: 400 } }]))).toEqual({ message: "bad", code: "400" });
    expect(parseOpenAiErrorBody(502, "<html>Bad Gateway</html>")).toEqual({ message: "<html>Bad Gateway</html>" });
    expect(parseOpenAiErrorBody(503, "")).toEqual({ message: "HTTP 503" });
  });
});
