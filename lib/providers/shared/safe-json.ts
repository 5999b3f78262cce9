import { assertWithinJsonLimits, JSON_LIMITS, jsonLimitExceeded } from "@/lib/http/json-limits";

// A text shorter than this cannot nest past the depth limit (nor hold more containers).
const SHORTEST_OVER_LIMITS = 2 * JSON_LIMITS.depth;

/**
 * JSON.parse that returns a fallback instead of throwing: provider payloads are untrusted. JSON
 * past JSON_LIMITS is unreadable too (it would overflow the stack of whatever stringifies it next).
 */
export function parseJsonOr<T>(text: string, fallback: T): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fallback;
  }
  return text.length > SHORTEST_OVER_LIMITS && jsonLimitExceeded(parsed) ? fallback : parsed;
}

/**
 * JSON a caller wrote inside a string (tool call arguments, a tool's result): the fallback when it
 * is not JSON, a 400 naming `what` when it is nested or sized past JSON_LIMITS.
 */
export function parseCallerJson<T>(text: string, fallback: T, what: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (text.length > SHORTEST_OVER_LIMITS) assertWithinJsonLimits(parsed, what);
  return parsed;
}
