import type { UpstreamContext } from "@/lib/providers/types";

/** An upstream context for converter tests; fixed id and clock so outputs compare exactly. */
export function testContext(overrides: Partial<UpstreamContext> = {}): UpstreamContext {
  return {
    provider: "openai",
    baseUrl: "https://api.openai.com/v1",
    model: "gpt-4o",
    credential: { secret: "sk-proj-test", kind: "api_key" },
    id: "gen-test-1",
    created: 1_753_800_000,
    ...overrides,
  };
}
