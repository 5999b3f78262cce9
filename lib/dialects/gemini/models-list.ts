import { badRequest } from "@/lib/errors/gateway-error";
import type { CatalogEntry } from "@/lib/providers/catalog";
import { modelTraits } from "@/lib/providers/catalog/model-traits";
import { getProvider } from "@/lib/providers/registry";

const CHAT_METHODS = ["generateContent", "streamGenerateContent", "countTokens"];
const EMBED_METHODS = ["embedContent", "batchEmbedContents"];

/** Google's own models keep their bare names (`models/gemini-2.5-flash`); others are `models/provider/model`. */
export const geminiModelName = (entry: CatalogEntry) => `models/${entry.provider === "google" ? entry.model : entry.id}`;

/** One model as Google's Model resource; limits we do not know are left out rather than guessed. */
export function toGeminiModel(entry: CatalogEntry) {
  const provider = getProvider(entry.provider)?.name ?? entry.provider;
  return {
    name: geminiModelName(entry),
    baseModelId: entry.provider === "google" ? entry.model : entry.id,
    displayName: entry.name,
    description: `${entry.name} from ${provider}, served through your own ${provider} credentials.`,
    ...(entry.context_length ? { inputTokenLimit: entry.context_length } : {}),
    supportedGenerationMethods: entry.embedding ? EMBED_METHODS : CHAT_METHODS,
    ...(entry.embedding ? {} : { thinking: modelTraits(entry.model).reasoning }),
  };
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

// A page token is the next offset, opaque to the caller as Google's are.
const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function decodeToken(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) throw badRequest("Invalid pageToken: pass the nextPageToken of the previous page", "pageToken");
  return Number(match[1]);
}

/** `{"models":[…],"nextPageToken"}` for `?pageSize=&pageToken=`, as Google pages models.list. */
export function geminiModelsPage(entries: CatalogEntry[], params: URLSearchParams) {
  const size = params.has("pageSize") ? Number(params.get("pageSize")) : DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0) throw badRequest("pageSize must be a non-negative integer", "pageSize");
  const limit = Math.min(size || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const offset = params.get("pageToken") ? decodeToken(params.get("pageToken")!) : 0;
  const end = offset + limit;
  return {
    models: entries.slice(offset, end).map(toGeminiModel),
    ...(end < entries.length ? { nextPageToken: encodeToken(end) } : {}),
  };
}
