import { badRequest } from "@/lib/errors/gateway-error";

/**
 * How deep and how large caller JSON may be: far past any real request (a tool schema nests a few
 * dozen levels; a long agent conversation has some 10,000 objects and arrays), far short of a stack
 * overflow in JSON.stringify or a converter, or of a walk that holds the event loop.
 */
export const JSON_LIMITS = { depth: 128, containers: 100_000 } as const;

export type JsonLimits = { depth: number; containers: number };

/**
 * Which limit a parsed JSON value goes past, "depth" or "size", else null. Iterative, so any
 * nesting is safe to measure; it stops at the first limit passed.
 */
export function jsonLimitExceeded(value: unknown, limits: JsonLimits = JSON_LIMITS): "depth" | "size" | null {
  if (value === null || typeof value !== "object") return null;
  const nodes: object[] = [value];
  const depths: number[] = [1];
  let containers = 0;
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > limits.depth) return "depth";
    if (++containers > limits.containers) return "size";
    // Plain loops, no Object.values copy: this runs on every request body (about 1 µs for a small one).
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (item !== null && typeof item === "object") {
          nodes.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in node) {
        const item: unknown = (node as Record<string, unknown>)[key];
        if (item !== null && typeof item === "object") {
          nodes.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return null;
}

/** A 400 for JSON past the limits, naming what held it (the body, a tool's arguments). */
export function assertWithinJsonLimits(value: unknown, what = "Request body", limits: JsonLimits = JSON_LIMITS): void {
  const exceeded = jsonLimitExceeded(value, limits);
  if (exceeded === "depth") throw badRequest(`${what} is nested more than ${limits.depth} levels deep`);
  if (exceeded === "size") throw badRequest(`${what} has more than ${limits.containers} objects and arrays`);
}
