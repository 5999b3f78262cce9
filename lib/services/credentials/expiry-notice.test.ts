import { describe, expect, it } from "vitest";
import { expiryNotice } from "./expiry-notice";

describe("token expiry notices", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  it("says nothing when the expiry is unknown", () => expect(expiryNotice(null, now)).toBeNull());
  it("is calm more than a week ahead", () => expect(expiryNotice(new Date("2026-12-24T00:00:00Z"), now)).toEqual({ level: "ok", text: "Expires in 29 days (2026-12-24)" }));
  it("warns within the week", () => expect(expiryNotice(new Date("2026-11-25T13:00:00Z"), now)).toEqual({ level: "warning", text: "Expires tomorrow (2026-11-25)" }));
  it("says so once expired", () => expect(expiryNotice(new Date("2026-11-24T11:00:00Z"), now)?.level).toBe("expired"));
});
