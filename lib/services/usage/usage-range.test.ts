import { describe, expect, it } from "vitest";
import { dayStart, usageRange } from "./usage-range";

const params = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("the Usage page's date range, in the viewer's time zone", () => {
  const now = new Date("2026-03-29T22:30:00Z");

  it("starts days at the viewer's midnight, daylight saving included", () => {
    expect(dayStart("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(dayStart("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(dayStart("2026-03-30", "America/Los_Angeles").toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("names today, 7 days, 30 days and this month as local days", () => {
    // 22:30 UTC on the 29th is already the 30th in Berlin (summer time since that night).
    expect(usageRange(params({ range: "today", tz: "Europe/Berlin" }), now)).toMatchObject({ days: ["2026-03-30"], from: new Date("2026-03-29T22:00:00Z"), to: new Date("2026-03-30T22:00:00Z") });
    expect(usageRange(params({ range: "7d", tz: "UTC" }), now).days).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(usageRange(params({ tz: "UTC" }), now).days).toHaveLength(30);
    expect(usageRange(params({ range: "month", tz: "Europe/Berlin" }), now).days).toHaveLength(30);
  });

  it("takes a custom range of whole days, and falls back to 30 days in UTC for anything malformed", () => {
    expect(usageRange(params({ range: "custom", from: "2026-02-27", to: "2026-03-02", tz: "Asia/Tokyo" }), now)).toMatchObject({
      name: "custom", days: ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"], from: new Date("2026-02-26T15:00:00Z"), to: new Date("2026-03-02T15:00:00Z"),
    });
    expect(usageRange(params({ range: "custom", from: "2026-03-05", to: "2026-03-01", tz: "Not/AZone" }), now)).toMatchObject({ name: "30d", timeZone: "UTC" });
  });
});
