import { describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs shared with `npm start`
import { serverCommand, v8Flags } from "./server-command.mjs";

describe("the production server's command", () => {
  it("runs the bundle with our V8 memory flags and two malloc arenas", () => {
    const { args, env } = serverCommand({ NODE_OPTIONS: "" });
    expect(args.slice(0, -1)).toEqual(["--max-semi-space-size=8", "--heap-growing-percent=50"]);
    expect(args.at(-1)).toMatch(/server\.mjs$/);
    expect(env.NODE_ENV).toBe("production");
  });

  it("leaves a flag to NODE_OPTIONS when the operator sets it there", () => {
    expect(v8Flags("--enable-source-maps --max-semi-space-size=16")).toEqual(["--heap-growing-percent=50"]);
    expect(serverCommand({ NODE_OPTIONS: "--max-semi-space-size=32" }).args.slice(0, -1)).toEqual(["--heap-growing-percent=50"]);
  });
});
