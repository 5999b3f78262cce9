export type InputModality = "text" | "image" | "file" | "audio" | "video";

/** What a model takes and can do, as far as the model family's published capabilities say. */
export interface ModelTraits {
  input: InputModality[];
  output: Array<"text" | "embeddings">;
  /** OpenRouter's tokenizer group name ("Claude", "GPT", …); "Other" where we cannot tell. */
  tokenizer: string;
  tools: boolean;
  reasoning: boolean;
}

const TEXT: InputModality[] = ["text"];
const VISION: InputModality[] = ["text", "image"];
const DOCUMENTS: InputModality[] = ["text", "image", "file"];

// First match on the model's own id wins; the families' published capabilities, nothing per deployment.
const FAMILIES: Array<[RegExp, Omit<ModelTraits, "output">]> = [
  [/claude-(?:opus|sonnet|haiku)-4|claude-3-7/i, { input: DOCUMENTS, tokenizer: "Claude", tools: true, reasoning: true }],
  [/claude/i, { input: DOCUMENTS, tokenizer: "Claude", tools: true, reasoning: false }],
  [/^(?:openai\/)?o1-mini/i, { input: TEXT, tokenizer: "GPT", tools: false, reasoning: true }],
  [/^(?:openai\/)?o3-mini/i, { input: TEXT, tokenizer: "GPT", tools: true, reasoning: true }],
  [/^(?:openai\/)?(?:o\d|gpt-5)/i, { input: DOCUMENTS, tokenizer: "GPT", tools: true, reasoning: true }],
  [/gpt-4/i, { input: DOCUMENTS, tokenizer: "GPT", tools: true, reasoning: false }],
  [/gemini-2\.5|gemini-3/i, { input: ["text", "image", "file", "audio", "video"], tokenizer: "Gemini", tools: true, reasoning: true }],
  [/gemini/i, { input: ["text", "image", "file", "audio", "video"], tokenizer: "Gemini", tools: true, reasoning: false }],
  [/gemma/i, { input: TEXT, tokenizer: "Gemma", tools: false, reasoning: false }],
  [/grok-4/i, { input: VISION, tokenizer: "Grok", tools: true, reasoning: true }],
  [/grok-3-mini/i, { input: TEXT, tokenizer: "Grok", tools: true, reasoning: true }],
  [/grok/i, { input: TEXT, tokenizer: "Grok", tools: true, reasoning: false }],
  [/deepseek-reasoner|deepseek-r1/i, { input: TEXT, tokenizer: "DeepSeek", tools: false, reasoning: true }],
  [/deepseek/i, { input: TEXT, tokenizer: "DeepSeek", tools: true, reasoning: false }],
  [/qwen/i, { input: TEXT, tokenizer: "Qwen", tools: true, reasoning: false }],
  [/llama-?4/i, { input: VISION, tokenizer: "Llama4", tools: true, reasoning: false }],
  [/llama/i, { input: TEXT, tokenizer: "Llama3", tools: true, reasoning: false }],
  [/mistral|mixtral|codestral|magistral|ministral|pixtral/i, { input: TEXT, tokenizer: "Mistral", tools: true, reasoning: false }],
  [/command/i, { input: TEXT, tokenizer: "Cohere", tools: true, reasoning: false }],
];

const UNKNOWN: Omit<ModelTraits, "output"> = { input: TEXT, tokenizer: "Other", tools: false, reasoning: false };

/** The traits of a model by its id at a provider (`model` as the provider knows it). */
export function modelTraits(model: string, embedding = false): ModelTraits {
  if (embedding) return { input: TEXT, output: ["embeddings"], tokenizer: modelTraits(model).tokenizer, tools: false, reasoning: false };
  const family = FAMILIES.find(([pattern]) => pattern.test(model))?.[1] ?? UNKNOWN;
  return { ...family, output: ["text"] };
}

/** Providers that cache long prompt prefixes without the caller marking them. */
export const IMPLICIT_CACHING = new Set(["openai", "google", "deepseek", "xai"]);
