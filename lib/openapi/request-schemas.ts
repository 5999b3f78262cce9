import { z } from "zod";
import { exchangeSchema } from "@/lib/auth/handle-auth-keys";
import { countTokensRequestSchema, messagesRequestSchema } from "@/lib/dialects/anthropic/schema";
import { batchEmbedSchema, embedContentSchema } from "@/lib/dialects/gemini/embed";
import { generateRequestBodySchema, generateRequestSchema } from "@/lib/dialects/gemini/schema";
import { responsesRequestDocumentSchema, responsesRequestSchema } from "@/lib/dialects/responses/schema";
import { CHAT_FIELDS } from "@/lib/docs/chat-fields";
import { chatRequestSchema } from "@/lib/gateway/chat/request-schema";
import { completionRequestSchema } from "@/lib/gateway/completions/request-schema";
import { embeddingsRequestSchema } from "@/lib/gateway/embeddings/request-schema";
import { createKeySchema, updateKeySchema } from "@/lib/services/api-keys/key-input";

type JsonSchema = Record<string, unknown>;

interface RequestSchema {
  /** What the handler parses bodies with. */
  parse: z.ZodType;
  /** What the document shows (the same schema, minus a preprocessing step JSON Schema cannot express). */
  document: z.ZodType;
  description: string;
}

/** Request bodies of the public API, by component name: the handlers' own zod schemas. */
export const REQUEST_SCHEMAS: Record<string, RequestSchema> = {
  ChatCompletionRequest: { parse: chatRequestSchema, document: chatRequestSchema, description: "OpenAI's chat completion request; unknown fields are passed to OpenAI-dialect providers as sent." },
  ResponsesRequest: { parse: responsesRequestSchema, document: responsesRequestDocumentSchema, description: "OpenAI's Responses request; sent to OpenAI models as given (the model id and a stored conversation aside)." },
  CompletionRequest: {
    parse: completionRequestSchema,
    document: completionRequestSchema,
    description: "OpenAI's legacy completion request. The prompt becomes the user message of a chat request, so any chat model serves it; other chat fields are accepted as on /v1/chat/completions. Token-array prompts, suffix, best_of above 1 and logprobs are refused with a 400.",
  },
  EmbedContentRequest: { parse: embedContentSchema, document: embedContentSchema, description: "Gemini's EmbedContentRequest: text parts only; taskType and outputDimensionality are passed on." },
  BatchEmbedContentsRequest: { parse: batchEmbedSchema, document: batchEmbedSchema, description: "Gemini's BatchEmbedContentsRequest: one embedding per request, all with the same taskType and outputDimensionality." },
  EmbeddingsRequest: { parse: embeddingsRequestSchema, document: embeddingsRequestSchema, description: "OpenAI's embeddings request." },
  MessagesRequest: { parse: messagesRequestSchema, document: messagesRequestSchema, description: "Anthropic's Messages request; sent to Anthropic exactly as given when an Anthropic model serves it." },
  CountTokensRequest: { parse: countTokensRequestSchema, document: countTokensRequestSchema, description: "A Messages request without max_tokens." },
  GenerateContentRequest: { parse: generateRequestSchema, document: generateRequestBodySchema, description: "Gemini's GenerateContentRequest. snake_case field names are accepted too." },
  CreateKeyRequest: { parse: createKeySchema, document: createKeySchema, description: "A new API key. Without a limit it has none; with one, limit_reset defaults to monthly." },
  UpdateKeyRequest: { parse: updateKeySchema, document: updateKeySchema, description: "Fields to change; the others keep their values." },
  CodeExchangeRequest: { parse: exchangeSchema, document: exchangeSchema, description: "The code from the callback, and the verifier when the authorization sent a code_challenge." },
};

function withFieldDescriptions(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  for (const field of CHAT_FIELDS) if (properties[field.name]) properties[field.name].description = field.description;
  return schema;
}

/** The request schemas as OpenAPI 3.1 components (JSON Schema 2020-12), refs between them resolved there. */
export function requestSchemaComponents(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, entry] of Object.entries(REQUEST_SCHEMAS)) registry.add(entry.document, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io: "input", uri: (id) => `#/components/schemas/${id}` });
  const components: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
    components[id] = { ...rest, description: REQUEST_SCHEMAS[id]?.description ?? (rest.description as string | undefined) };
  }
  withFieldDescriptions(components.ChatCompletionRequest);
  return components;
}
