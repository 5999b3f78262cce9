import { describe, expect, it } from "vitest";
import { createOpenAiStreamTransformer } from "@/lib/providers/openai/stream";
import { testContext } from "@/lib/providers/shared/test-context";
import { replayFailingStream, replayStream } from "./sse-fixture";

const transformer = () => createOpenAiStreamTransformer(testContext());
const good = `data: ${JSON.stringify({ id: "x", choices: [{ index: 0, delta: { content: "Hi" } }] })}\n\n`;
const broken = `${good}data: {oops\n\n`;

// The stream tests rely on these two never letting a failed (or a clean) stream pass unseen.
describe("replaying SSE captures", () => {
  it("rejects when the stream fails, naming the failure", async () => {
    await expect(replayStream(broken, transformer())).rejects.toThrow(/failed after 1 chunk\(s\): openai sent a malformed stream event/);
  });

  it("returns the failure and the chunks before it for a stream expected to fail", async () => {
    const { chunks, error } = await replayFailingStream(broken, transformer());
    expect(chunks.map((c) => c.choices[0].delta.content)).toEqual(["Hi"]);
    expect(error).toMatchObject({ status: 502 });
  });

  it("rejects a stream expected to fail that ended cleanly", async () => {
    await expect(replayFailingStream(good, transformer())).rejects.toThrow(/ended without an error after 1 chunk/);
  });
});
