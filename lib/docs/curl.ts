/** The placeholders the docs' examples use; the documented-curls test swaps in real values. */
export const PLACEHOLDERS = {
  token: "lr_live_YOUR_TOKEN",
  managementKey: "lr_mgmt_YOUR_KEY",
  keyHash: "KEY_HASH",
  generationId: "GENERATION_ID",
  responseId: "RESPONSE_ID",
  code: "CODE_FROM_QUERY_PARAM",
  codeVerifier: "CODE_VERIFIER",
  metricsToken: "YOUR_METRICS_TOKEN",
} as const;

export interface CurlOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  /** The full URL, query included. */
  url: string;
  /** `Authorization: Bearer …`, unless `headers` carries the credential. */
  bearer?: string;
  headers?: string[];
  body?: unknown;
  /** Show tokens as they arrive (-N). */
  stream?: boolean;
}

const INLINE_WIDTH = 72;

function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(", ")}]`;
  if (value && typeof value === "object") return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`).join(", ")}}`;
  return JSON.stringify(value) ?? "null";
}

/** JSON with short objects and arrays kept on one line, as people write request bodies by hand. */
export function readableJson(value: unknown, indent = ""): string {
  const inline = inlineJson(value);
  if (inline.length + indent.length <= INLINE_WIDTH || value === null || typeof value !== "object") return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => inner + readableJson(item, inner)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${readableJson(item, inner)}`);
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

const quote = (url: string) => (/[?&]/.test(url) ? `"${url}"` : url);

/** A curl command as people paste it: one option per line, the JSON body pretty-printed. */
export function curlCommand(options: CurlOptions): string {
  const method = options.method ?? "GET";
  const implied = method === "GET" || (method === "POST" && options.body !== undefined);
  const lines = [`curl ${implied ? "" : `-X ${method} `}${quote(options.url)}`];
  if (options.bearer) lines.push(`-H "Authorization: Bearer ${options.bearer}"`);
  for (const header of options.headers ?? []) lines.push(`-H "${header}"`);
  if (options.body !== undefined) lines.push(`-H "Content-Type: application/json"`);
  if (options.stream) lines.push("-N");
  if (options.body !== undefined) lines.push(`-d '${readableJson(options.body, "  ").replace(/'/g, "'\\''")}'`);
  return lines.join(" \\\n  ");
}
