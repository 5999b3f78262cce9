/** JSON.parse that returns a fallback instead of throwing: provider payloads are untrusted. */
export function parseJsonOr<T>(text: string, fallback: T): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
