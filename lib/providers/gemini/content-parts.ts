import { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatMessage, ChatRequest, ContentPart, FilePart } from "@/lib/providers/types";

export type GeminiPart = Record<string, unknown>;

/** Image bytes as Gemini's `inlineData` takes them: base64 without the `data:` prefix. */
export interface InlineImage {
  mimeType: string;
  data: string;
}

/** http(s) image URL → its fetched bytes, filled by the gateway before the request is built. */
export type RemoteImages = ReadonlyMap<string, InlineImage>;

// Gemini reads fileData URIs only from its own Files API (and YouTube); any other URL must be inlined.
const GOOGLE_HOSTED = /^https:\/\/(generativelanguage\.googleapis\.com\/v1beta\/files\/|(www\.)?youtube\.com\/watch|youtu\.be\/)/i;
const EXTENSION_TYPES: Record<string, string> = { pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif", txt: "text/plain" };

const isRemote = (url: string) => /^https?:\/\//i.test(url);

/** The http(s) image URLs the gateway must fetch (and hand back as RemoteImages) before calling Gemini. */
export function collectRemoteImageUrls(request: ChatRequest): string[] {
  const urls = new Set<string>();
  for (const message of request.messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content) {
      if (part.type === "image_url" && isRemote(part.image_url.url) && !GOOGLE_HOSTED.test(part.image_url.url)) urls.add(part.image_url.url);
    }
  }
  return [...urls];
}

/** `data:<mime>[;params][;base64],<data>` as inline bytes; non-base64 payloads are URL-decoded and encoded. */
export function parseDataUrl(url: string): InlineImage | undefined {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(url);
  if (!match) return undefined;
  const mimeType = match[1] || "application/octet-stream";
  const base64 = match[2].split(";").includes("base64");
  return { mimeType, data: base64 ? match[3] : Buffer.from(decodeURIComponent(match[3]), "utf8").toString("base64") };
}

function mediaPart(url: string, images: RemoteImages | undefined): GeminiPart {
  const inline = parseDataUrl(url) ?? images?.get(url);
  if (inline) return { inlineData: { mimeType: inline.mimeType, data: inline.data } };
  if (GOOGLE_HOSTED.test(url)) return { fileData: { fileUri: url } };
  throw new GatewayError(400, "invalid_request_error", `The image at ${url} was not fetched, and Gemini only reads image bytes or its own file URIs`, { param: "messages" });
}

function filePart({ file }: FilePart): GeminiPart {
  const extension = file.filename?.split(".").pop()?.toLowerCase() ?? "";
  if (file.file_data) {
    return { inlineData: parseDataUrl(file.file_data) ?? { mimeType: EXTENSION_TYPES[extension] ?? "application/pdf", data: file.file_data } };
  }
  if (file.file_id?.startsWith("files/")) return { fileData: { fileUri: `https://generativelanguage.googleapis.com/v1beta/${file.file_id}` } };
  throw new GatewayError(400, "invalid_request_error", "Gemini takes files as file_data or as its own files/… ids", { param: "messages" });
}

/** Our content as Gemini parts; empty text is dropped because Gemini rejects empty text parts. */
export function contentParts(content: ChatMessage["content"], images?: RemoteImages): GeminiPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return content ? [{ text: content }] : [];
  return content.flatMap((part: ContentPart): GeminiPart[] => {
    if (part.type === "text") return part.text ? [{ text: part.text }] : [];
    if (part.type === "image_url") return [mediaPart(part.image_url.url, images)];
    if (part.type === "file") return [filePart(part)];
    return [];
  });
}

/** The text of a message, for system instructions and tool results. */
export function textOf(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  return (content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("");
}
