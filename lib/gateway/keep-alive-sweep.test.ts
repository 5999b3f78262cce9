import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchQuiet } from "./keep-alive-sweep";

describe("watchQuiet", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("sends a filler only to the streams silent for everyMs, from one timer", () => {
    const sent: string[] = [];
    const busy = { everyMs: 1_000, lastSent: Date.now(), send: () => sent.push("busy") };
    const idle = { everyMs: 1_000, lastSent: Date.now(), send: () => sent.push("idle") };
    const stopBusy = watchQuiet(busy);
    const stopIdle = watchQuiet(idle);
    expect(vi.getTimerCount()).toBe(1);
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(500);
      busy.lastSent = Date.now();
    }
    expect(sent).toEqual(["idle", "idle"]);
    stopBusy();
    stopIdle();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("drops a stream whose send throws and keeps serving the others", () => {
    const sent: string[] = [];
    const closed = { everyMs: 500, lastSent: Date.now(), send: () => { throw new TypeError("closed"); } };
    const open = { everyMs: 500, lastSent: Date.now(), send: () => sent.push("open") };
    watchQuiet(closed);
    const stop = watchQuiet(open);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual(["open", "open"]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
