import { afterEach, describe, expect, it } from "vitest";
import { captureLogs, log } from "./logger";
import { redactText } from "@/lib/security/redact";

describe("structured logs", () => {
  const previous = process.env.LOG_LEVEL;
  afterEach(() => {
    process.env.LOG_LEVEL = previous;
  });

  it("writes one JSON object per event with time, level and message, at or above LOG_LEVEL", () => {
    process.env.LOG_LEVEL = "warn";
    const capture = captureLogs();
    try {
      log.debug("hidden");
      log.info("hidden too");
      log.warn("upstream attempt failed", { requestId: "req-1", provider: "openai", status: 502 });
      log.error("boom", { error: new Error("database down") });
      const lines = capture.lines();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({ level: "warn", msg: "upstream attempt failed", requestId: "req-1", provider: "openai", status: 502 });
      expect(new Date(lines[0].time as string).getTime()).toBeGreaterThan(0);
      expect(lines[1]).toMatchObject({ level: "error", msg: "boom", error: "database down" });
    } finally {
      capture.restore();
    }
  });

  it("honours silent and debug", () => {
    process.env.LOG_LEVEL = "silent";
    let capture = captureLogs();
    log.error("nothing at all");
    expect(capture.lines()).toHaveLength(0);
    capture.restore();
    process.env.LOG_LEVEL = "debug";
    capture = captureLogs();
    log.debug("everything");
    expect(capture.lines()).toMatchObject([{ level: "debug", msg: "everything" }]);
    capture.restore();
  });

  it("never writes a secret: sensitive fields dropped, credentials inside text masked", () => {
    process.env.LOG_LEVEL = "info";
    const capture = captureLogs();
    try {
      log.info("request", {
        authorization: "Bearer lr_live_abcdefghijklmnopqrstuvwxyz012345",
        headers: { "x-api-key": "sk-ant-api03-secretsecretsecret", cookie: "session=abc" },
        error: "openai returned 401: Incorrect API key provided: sk-proj-abcdefghijklmnop1234. Also AIzaSyA1234567890abcdefghijkl",
        path: "/v1beta/models/x:generateContent?key=lr_live_querytoken123456789",
      });
      const text = JSON.stringify(capture.lines());
      for (const secret of ["lr_live_abcdefghijklmnopqrstuvwxyz012345", "sk-ant-api03-secretsecretsecret", "session=abc", "sk-proj-abcdefghijklmnop1234", "AIzaSyA1234567890abcdefghijkl", "querytoken123456789"]) {
        expect(text).not.toContain(secret);
      }
      expect(text).toContain("[redacted]");
    } finally {
      capture.restore();
    }
  });

  it("masks tokens and keys in free text but leaves ordinary words alone", () => {
    expect(redactText("token lr_mgmt_0123456789abcdef used")).toBe("token lr_mgmt_[redacted] used");
    expect(redactText("Authorization: Bearer abc.def.ghi")).toBe("Authorization: Bearer [redacted]");
    expect(redactText("gsk_0123456789abcdefghij and xai-0123456789abcdefghij")).toBe("gsk_[redacted] and xai-[redacted]");
    expect(redactText("the task took 12 ms; skip this")).toBe("the task took 12 ms; skip this");
  });
});
