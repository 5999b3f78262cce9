import { errorResponses, jsonResponse, TOKEN_SECURITY, withApiAlias } from "./operation-parts";

const modelSecurity = [...TOKEN_SECURITY, {}];

const listParameter = (name: string, description: string, example?: string) => ({ name, in: "query", required: false, description, schema: { type: "string" }, ...(example ? { example } : {}) });

/** OpenRouter's filters that /v1/models honours; any other query parameter is ignored. */
const FILTERS = [
  listParameter("supported_parameters", "Comma-separated: only models whose supported_parameters include all of them.", "tools,response_format"),
  listParameter("input_modalities", "Comma-separated: only models that take all of them (text, image, file, audio, video).", "image"),
  listParameter("output_modalities", "Comma-separated: models with any of these outputs (text, embeddings); `all` for every model.", "embeddings"),
  listParameter("providers", "Comma-separated provider ids (model_authors is the same filter)."),
  listParameter("model_authors", "Comma-separated provider ids."),
  listParameter("q", "Text in the id or name."),
  { name: "context", in: "query", required: false, description: "Only models with at least this context length.", schema: { type: "integer", minimum: 0 } },
];

const PAGE = [
  { name: "offset", in: "query", required: false, description: "Models to skip.", schema: { type: "integer", minimum: 0, default: 0 } },
  { name: "limit", in: "query", required: false, description: "Models per page (1-1000); without it, all.", schema: { type: "integer", minimum: 1, maximum: 1000 } },
];

const models = {
  get: {
    operationId: "listModels",
    tags: ["Models"],
    summary: "List models",
    description: "With a token: the models of the providers your account has credentials for (and this token may use), including what those providers list and OpenRouter's ids for them. Without one: the whole catalog. In OpenAI's list shape with OpenRouter's model fields.",
    security: modelSecurity,
    parameters: [...FILTERS, ...PAGE],
    responses: { "200": jsonResponse("The models.", "ModelList"), ...errorResponses("openai", [400, 401, 403]) },
  },
};

const count = {
  get: {
    operationId: "countModels",
    tags: ["Models"],
    summary: "Count models",
    description: "How many models the list would give, with the same filters.",
    security: modelSecurity,
    parameters: FILTERS,
    responses: { "200": jsonResponse("The count.", "ModelCount"), ...errorResponses("openai", [400, 401, 403]) },
  },
};

const model = {
  get: {
    operationId: "getModel",
    tags: ["Models"],
    summary: "Get one model",
    security: modelSecurity,
    parameters: [{ name: "id", in: "path", required: true, description: "provider/model (the slash may be sent as is or as %2F) or the provider's own model name.", schema: { type: "string" }, example: "anthropic/claude-sonnet-4-5" }],
    responses: { "200": jsonResponse("The model.", "Model"), ...errorResponses("openai", [401, 403, 404]) },
  },
};

const endpoints = {
  get: {
    operationId: "listModelEndpoints",
    tags: ["Models"],
    summary: "List a model's endpoints",
    description: "With a token: one endpoint per credential of yours that can serve the model (its provider's, or your OpenRouter credential's). Without one: the catalog's provider. Uptime, latency and throughput are not measured: null.",
    security: modelSecurity,
    parameters: [
      { name: "author", in: "path", required: true, description: "The provider id.", schema: { type: "string" }, example: "anthropic" },
      { name: "slug", in: "path", required: true, description: "The model at that provider (may contain slashes).", schema: { type: "string" }, example: "claude-sonnet-4-5" },
    ],
    responses: { "200": jsonResponse("The model and its endpoints.", "ModelEndpoints"), ...errorResponses("openai", [401, 403, 404]) },
  },
};

export const MODEL_PATHS = {
  ...withApiAlias("/v1/models", models),
  ...withApiAlias("/v1/models/count", count),
  ...withApiAlias("/v1/models/{id}", model),
  ...withApiAlias("/v1/models/{author}/{slug}/endpoints", endpoints),
};
