import { accountPaths } from "./paths-account";
import { GATEWAY_PATHS } from "./paths-gateway";
import { NATIVE_PATHS } from "./paths-native";
import { RESPONSES_PATHS } from "./paths-responses";
import { SECURITY_SCHEMES } from "./operation-parts";
import { requestSchemaComponents } from "./request-schemas";
import { RESPONSE_SCHEMAS } from "./response-schemas";
import { RESPONSES_API_SCHEMAS } from "./responses-api-schemas";

export interface DocumentHosts {
  /** Where the API is reached (API_PUBLIC_URL). */
  apiUrl: string;
  /** Where the dashboard and docs are (PUBLIC_URL). */
  publicUrl: string;
}

const TAGS = [
  { name: "Chat", description: "OpenAI-compatible chat completions." },
  { name: "Responses", description: "OpenAI's Responses API, for the Codex CLI, the Agents SDK and responses.create." },
  { name: "Models", description: "The models your token can reach." },
  { name: "Embeddings", description: "OpenAI-compatible embeddings." },
  { name: "Anthropic", description: "Anthropic's Messages API, for the Anthropic SDK and Claude Code." },
  { name: "Gemini", description: "Gemini's generateContent API, for the Google GenAI SDK and Gemini CLI." },
  { name: "Key management", description: "Create and manage API keys with a management key (lr_mgmt_)." },
  { name: "Account", description: "What a token may still do, and what a request did." },
  { name: "OAuth PKCE", description: "Let a third-party app obtain a key for its user." },
  { name: "Operations", description: "For the people running the server." },
];

/** The whole public API as an OpenAPI 3.1 document, for the configured hosts. */
export function buildOpenApiDocument(hosts: DocumentHosts) {
  return {
    openapi: "3.1.0",
    info: {
      title: "OauthRouter API",
      version: "1.0.0",
      summary: "One OpenAI-compatible endpoint for your own LLM provider keys and OAuth tokens.",
      description:
        "Bring your own provider credentials, call any of them with one `lr_live_` token. Models are `provider/model` (e.g. `anthropic/claude-sonnet-4-5`) or a bare name. " +
        `Every error is JSON in the endpoint's dialect; see ${hosts.publicUrl}/docs#errors.`,
    },
    externalDocs: { description: "Documentation", url: `${hosts.publicUrl}/docs` },
    servers: [{ url: hosts.apiUrl, description: "OauthRouter API" }],
    security: [{ bearerToken: [] }],
    tags: TAGS,
    paths: { ...GATEWAY_PATHS, ...RESPONSES_PATHS, ...NATIVE_PATHS, ...accountPaths(hosts.publicUrl) },
    components: {
      schemas: { ...requestSchemaComponents(), ...RESPONSE_SCHEMAS, ...RESPONSES_API_SCHEMAS },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
