import { randomBytes } from "node:crypto";

/** The id of one request, returned as `id` and `X-Generation-Id` and used as the usage row's key. */
export function newGenerationId(): string {
  return `gen-${Date.now().toString(36)}${randomBytes(12).toString("base64url")}`;
}
