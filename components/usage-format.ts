/** Dollars from millionths: cents for sums of a dollar or more, otherwise to the millionth. */
export function usd(micros: number): string {
  const dollars = micros / 1_000_000;
  if (dollars === 0) return "$0.00";
  return `$${dollars >= 1 ? dollars.toFixed(2) : dollars.toFixed(6).replace(/0{1,3}$/, "")}`;
}

/** A request's cost as shown: "unknown" when its model has no known price, never $0. */
export function costText(micros: number | null, estimated = false): string {
  if (micros === null) return "unknown";
  return `${usd(micros)}${estimated ? " (est.)" : ""}`;
}

/** "2026-11-24 13:05:09" in the viewer's time zone. */
export function localTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export const count = (n: number) => n.toLocaleString("en-US");
