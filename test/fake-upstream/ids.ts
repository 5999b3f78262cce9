import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A random id in the providers' style, e.g. `req_011C…` or `chatcmpl-…`. */
export function randomId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += BASE62[byte % 62];
  return id;
}

/** Deterministic tool-call ids so tests can assert them: `call_fake0Paris`, `toolu_fake1Tokyo`. */
export const toolCallId = (prefix: string, index: number, city: string) => `${prefix}fake${index}${city}`;

/** Masks a key the way OpenAI's error messages do: `sk-abc*****wxyz`. */
export function maskKey(key: string): string {
  return key.length <= 8 ? "*".repeat(key.length) : `${key.slice(0, 6)}${"*".repeat(Math.min(30, key.length - 10))}${key.slice(-4)}`;
}
