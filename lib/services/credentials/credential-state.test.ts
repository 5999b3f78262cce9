import { describe, expect, it } from "vitest";
import { credentialState } from "./credential-state";

const now = new Date("2026-11-24T12:00:00Z");
const healthy = { status: "active" as const, disabled: false, cooldownUntil: null, expiresAt: null, checkNote: null, verifiedAt: now, lastUsedAt: null };

describe("a credential's state in Providers", () => {
  it("is active when nothing is wrong", () => expect(credentialState(healthy, now)).toMatchObject({ badge: "active", text: "active", needsAttention: false, unverified: null }));
  it("shows the provider's marking, which routing skips", () => {
    for (const status of ["invalid", "refused", "expired"] as const) expect(credentialState({ ...healthy, status }, now)).toMatchObject({ badge: status, needsAttention: true });
  });
  it("says disabled first, whatever else is true", () => expect(credentialState({ ...healthy, disabled: true, status: "invalid" }, now).badge).toBe("disabled"));
  it("counts a passed expiry as expired", () => expect(credentialState({ ...healthy, expiresAt: new Date("2026-11-24T11:59:00Z") }, now).badge).toBe("expired"));
  it("says until when it cools down, and stops saying it afterwards", () => {
    expect(credentialState({ ...healthy, cooldownUntil: new Date("2026-11-24T12:00:30Z") }, now)).toMatchObject({ badge: "cooling", text: "cooling down until 12:00:30 UTC", needsAttention: false });
    expect(credentialState({ ...healthy, cooldownUntil: new Date("2026-11-24T11:59:30Z") }, now).badge).toBe("active");
  });
  it("keeps the not-verified note until a check or a request proves the credential", () => {
    const note = "Not verified: OpenAI could not be reached (ENOTFOUND).";
    expect(credentialState({ ...healthy, verifiedAt: null, checkNote: note }, now).unverified).toBe(note);
    expect(credentialState({ ...healthy, verifiedAt: null, checkNote: note, lastUsedAt: now }, now).unverified).toBeNull();
  });
});
