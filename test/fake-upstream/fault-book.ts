import type { Fault, FaultMatch } from "./faults";
import type { RecordedRequest } from "./types";

const matches = (pattern: string | RegExp | undefined, value: string | undefined, exact: boolean) =>
  pattern === undefined || (value !== undefined && (typeof pattern === "string" ? (exact ? value === pattern : value.includes(pattern)) : pattern.test(value)));

function applies(match: FaultMatch | undefined, record: RecordedRequest): boolean {
  if (!match) return true;
  return (
    matches(match.path, record.path, false) &&
    matches(match.model, record.model, true) &&
    matches(match.credential, record.credential, true) &&
    (!match.family || match.family === record.family)
  );
}

/** The faults tests set with setFault; the first one matching a request is used (and counted down). */
export class FaultBook {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  take(record: RecordedRequest): Fault | null {
    const fault = this.faults.find((f) => applies(f.match, record));
    if (!fault) return null;
    if (fault.times !== undefined && --fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
