/** `stop` as the list every provider but OpenAI wants. */
export function stopList(stop: string | string[] | undefined): string[] | undefined {
  return stop === undefined ? undefined : Array.isArray(stop) ? stop : [stop];
}

/** The entries whose value is set: providers reject explicit nulls where a field is optional. */
export function definedOnly<T extends Record<string, unknown>>(entries: T): Partial<T> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}
