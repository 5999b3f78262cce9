import { hash, randomBytes, timingSafeEqual } from "node:crypto";

export const API_TOKEN_PREFIX = "lr_live_";
export const MANAGEMENT_KEY_PREFIX = "lr_mgmt_";

const TOKEN_BODY = /^[A-Za-z0-9_-]{32,64}$/;

/** A new secret of ours: prefix + 40 base64url characters (240 bits). */
export function generateSecretToken(prefix: string): string {
  return prefix + randomBytes(30).toString("base64url");
}

// On every request: the one-shot hash is about a third of createHash's cost.
export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

/** What the dashboard shows of a token: its kind and last four characters, nothing to use. */
export function displayPrefix(token: string): string {
  return `${token.slice(0, API_TOKEN_PREFIX.length)}…${token.slice(-4)}`;
}

/** Cheap format check before any lookup, so junk never reaches the database. */
export function looksLikeToken(value: string, prefix: string): boolean {
  return value.startsWith(prefix) && TOKEN_BODY.test(value.slice(prefix.length));
}

export function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
