import { describe, expect, it } from "vitest";
import { credentialState } from "./credential-state";

const now = new Date("2026-11-24T12:00:00Z");
const healthy = { provider: "openai", kind: "api_key" as const, status: "active" as const, disabled: false, cooldownUntil: null, expiresAt: null, checkNote: null, verifiedAt: now, lastUsedAt: null, nextCheckAt: null };

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
    expect(credentialState({ ...healthy, verifiedAt: null, checkNote: note }, now)).toMatchObject({ unverified: note, canRecheck: true });
    expect(credentialState({ ...healthy, verifiedAt: null, checkNote: note, lastUsedAt: now }, now)).toMatchObject({ unverified: null, canRecheck: false });
  });
  it("offers Check again only where a check can tell something", () => {
    expect(credentialState(healthy, now).canRecheck).toBe(false);
    expect(credentialState({ ...healthy, status: "invalid" }, now).canRecheck).toBe(true);
    expect(credentialState({ ...healthy, status: "invalid", disabled: true }, now).canRecheck).toBe(false);
    const oauth = { ...healthy, provider: "anthropic", kind: "oauth_token" as const, verifiedAt: null, checkNote: "Not verified: subscription (OAuth) tokens are not tried before saving" };
    expect(credentialState(oauth, now)).toMatchObject({ unverified: oauth.checkNote, canRecheck: false });
    expect(credentialState({ ...oauth, status: "refused" }, now).canRecheck).toBe(true);
    expect(credentialState({ ...healthy, provider: "custom", verifiedAt: null, checkNote: "Not verified: custom endpoints" }, now).canRecheck).toBe(false);
  });
  it("says, for one out of service, when OauthRouter checks it again by itself, or that it will not", () => {
    expect(credentialState(healthy, now).nextCheck).toBeNull();
    expect(credentialState({ ...healthy, status: "invalid", nextCheckAt: new Date("2026-11-24T12:05:00Z") }, now).nextCheck).toBe("Next automatic check at 12:05:00 UTC.");
    expect(credentialState({ ...healthy, status: "invalid", nextCheckAt: new Date("2026-11-24T11:59:59Z") }, now).nextCheck).toBe("Being checked again automatically now.");
    expect(credentialState({ ...healthy, status: "invalid", disabled: true, nextCheckAt: new Date("2026-11-24T12:05:00Z") }, now).nextCheck).toBeNull();
    const refusedToken = { ...healthy, provider: "anthropic", kind: "oauth_token" as const, status: "refused" as const };
    expect(credentialState(refusedToken, now).nextCheck).toBe("Not checked again automatically: use Check again once it is fixed.");
  });
});
