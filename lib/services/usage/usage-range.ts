/** The period the Usage page shows, in the viewer's time zone. */
export type RangeName = "today" | "7d" | "30d" | "month" | "custom";

export interface UsageRange {
  name: RangeName;
  timeZone: string;
  /** Inclusive start and exclusive end, as instants. */
  from: Date;
  to: Date;
  /** Every local day in the range, "YYYY-MM-DD". */
  days: string[];
  /** Custom ranges' own days, for the form. */
  fromDay: string;
  toDay: string;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A time zone the runtime knows, else UTC. */
export function validTimeZone(value: string | null | undefined): string {
  if (!value || value.length > 64) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/** The local calendar day of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(at).map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a local day starts in a time zone (daylight saving included). */
export function dayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(new Date(guess), timeZone);
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last && days.length < MAX_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

/** `?range=today|7d|30d|month|custom&from=&to=&tz=`; anything malformed falls back to 30 days. */
export function usageRange(params: { get(name: string): string | null | undefined }, now = new Date()): UsageRange {
  const timeZone = validTimeZone(params.get("tz"));
  const today = localDay(now, timeZone);
  const asked = params.get("range");
  let name: RangeName = asked === "today" || asked === "7d" || asked === "month" || asked === "custom" ? asked : "30d";
  let first = { today, "7d": addDays(today, -6), "30d": addDays(today, -29), month: `${today.slice(0, 8)}01`, custom: "" }[name];
  let last = today;
  if (name === "custom") {
    const from = params.get("from") ?? "";
    const to = params.get("to") ?? "";
    if (ISO_DAY.test(from) && ISO_DAY.test(to) && from <= to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to))) {
      first = from;
      last = to > addDays(from, MAX_DAYS - 1) ? addDays(from, MAX_DAYS - 1) : to;
    } else {
      name = "30d";
      first = addDays(today, -29);
    }
  }
  return { name, timeZone, from: dayStart(first, timeZone), to: dayStart(addDays(last, 1), timeZone), days: daysBetween(first, last), fromDay: first, toDay: last };
}
