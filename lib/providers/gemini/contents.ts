import { parseCallerJson } from "@/lib/providers/shared/safe-json";
import type { ChatMessage } from "@/lib/providers/types";
import { contentParts, textOf, type GeminiPart, type RemoteImages } from "./content-parts";
import { placeSignatures } from "./thought-signatures";

export interface GeminiContent {
  role: "user" | "model";
  parts: GeminiPart[];
}

export interface ContentsOptions {
  model: string;
  images?: RemoteImages;
}

const NOT_JSON = Symbol("not json");
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** Gemini wants an object as a function's response: JSON objects go as they are, anything else as `{result}`. */
function functionResponse(message: ChatMessage, names: Map<string, string>): GeminiPart {
  const text = textOf(message.content);
  const parsed = parseCallerJson(text, NOT_JSON, "A tool message's content");
  const response = isObject(parsed) ? parsed : { result: parsed === NOT_JSON ? text : parsed };
  const name = names.get(message.tool_call_id ?? "") ?? message.name ?? "unknown_function";
  return { functionResponse: { name, response } };
}

/** Text first, then the function calls, each signature back on the part it came with. */
function modelParts(message: ChatMessage, options: ContentsOptions): GeminiPart[] {
  const signatures = placeSignatures(message, options.model);
  const parts = contentParts(message.content, options.images);
  const lastText = parts.findLastIndex((part) => typeof part.text === "string");
  if (signatures.text && lastText >= 0) parts[lastText] = { ...parts[lastText], thoughtSignature: signatures.text };
  const calls = (message.tool_calls ?? []).map((call, i): GeminiPart => {
    const args = parseCallerJson(call.function.arguments || "{}", {}, `Tool call ${call.function.name}'s arguments`);
    return {
      functionCall: { name: call.function.name, args: isObject(args) ? args : {} },
      ...(signatures.calls[i] ? { thoughtSignature: signatures.calls[i] } : {}),
    };
  });
  return [...parts, ...calls];
}

function partsFor(message: ChatMessage, names: Map<string, string>, options: ContentsOptions): GeminiPart[] {
  if (message.role === "assistant") return modelParts(message, options);
  if (message.role === "tool") return [functionResponse(message, names)];
  return contentParts(message.content, options.images);
}

/** Our conversation as Gemini contents: roles user/model, empty turns dropped, turns of one role merged. */
export function toGeminiContents(messages: ChatMessage[], options: ContentsOptions): GeminiContent[] {
  // Gemini needs the function's name on its response; ours carries only the call id.
  const names = new Map(messages.flatMap((m) => (m.tool_calls ?? []).map((call) => [call.id, call.function.name] as const)));
  const contents: GeminiContent[] = [];
  for (const message of messages) {
    if (message.role === "system" || message.role === "developer") continue;
    const parts = partsFor(message, names, options);
    if (!parts.length) continue;
    const role = message.role === "assistant" ? "model" : "user";
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  }
  return contents;
}
