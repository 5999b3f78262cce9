import { badRequest } from "@/lib/errors/gateway-error";

/** A percent-encoded part of a request path, decoded; a malformed escape (`%E0%A4%A`) is a 400. */
export function decodePathPart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`Malformed percent-encoding in the request path: '${raw.slice(0, 200)}'`);
  }
}
