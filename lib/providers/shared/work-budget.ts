import { badRequest, type GatewayError } from "@/lib/errors/gateway-error";

/**
 * A bound on the work one conversion of caller structure may do (nodes built, characters copied),
 * for conversions whose output can outgrow their input ($ref and allOf expansion). Spending past it
 * throws the 400 `refusal()` makes, so no input can keep the event loop busy for long.
 */
export class WorkBudget {
  private spent = 0;

  constructor(
    readonly limit: number,
    private readonly refusal: (limit: number) => GatewayError,
  ) {}

  spend(units = 1): void {
    this.spent += units;
    if (this.spent > this.limit) throw this.refusal(this.limit);
  }

  /** A string copied into the output: one unit per 256 characters. */
  spendText(text: unknown): void {
    if (typeof text === "string") this.spend(Math.ceil(text.length / 256));
  }
}

/** The 400 for a caller schema whose conversion would go past its budget or depth. */
export const schemaTooLarge = (what: string, detail: string) => badRequest(`${what} is too large to convert: ${detail}`);
