import { describe, expect, it } from "vitest";
import { afterSignUpPath, chosenPaidPlan } from "./after-sign-up";

describe("where sign-up leads", () => {
  it("takes a paid plan chosen on Pricing to Billing, with the plan", () => {
    expect(afterSignUpPath({ plan: "pro" })).toBe("/dashboard/billing?plan=pro");
    expect(afterSignUpPath({ plan: "enterprise", callbackUrl: "/dashboard/usage" })).toBe("/dashboard/billing?plan=enterprise");
  });

  it("otherwise follows a local callbackUrl, or goes to the dashboard", () => {
    expect(afterSignUpPath({ callbackUrl: "/dashboard/usage" })).toBe("/dashboard/usage");
    expect(afterSignUpPath({ plan: "free" })).toBe("/dashboard");
    expect(afterSignUpPath({ callbackUrl: "https://evil.example/" })).toBe("/dashboard");
    expect(afterSignUpPath({})).toBe("/dashboard");
  });

  it.each(["free", "toString", "__proto__", "PRO", "", undefined])("reads %j as no paid plan", (plan) => {
    expect(chosenPaidPlan(plan)).toBeNull();
  });
});
