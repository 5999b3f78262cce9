import { CODE_EXCHANGE_EXAMPLES, CREATE_KEY_EXAMPLES, UPDATE_KEY_EXAMPLES } from "./examples";
import { errorResponses, jsonBody, jsonResponse, MANAGEMENT_SECURITY, TOKEN_SECURITY } from "./operation-parts";

const MANAGEMENT_STATUSES = [401, 403];
const hashParameter = { name: "hash", in: "path", required: true, description: "The key's hash, from the list or the create answer.", schema: { type: "string", pattern: "^[0-9a-f]{64}$" } };

const keys = {
  get: {
    operationId: "listKeys", tags: ["Key management"], summary: "List API keys", security: MANAGEMENT_SECURITY,
    parameters: [
      { name: "offset", in: "query", required: false, description: "Skip this many keys (pages of 100).", schema: { type: "integer", minimum: 0, default: 0 } },
      { name: "include_disabled", in: "query", required: false, schema: { type: "string", enum: ["true", "false"], default: "true" } },
    ],
    responses: { "200": jsonResponse("The account's keys, without the keys themselves.", "ApiKeyList"), ...errorResponses("openrouter", [400, ...MANAGEMENT_STATUSES]) },
  },
  post: {
    operationId: "createKey", tags: ["Key management"], summary: "Create an API key", security: MANAGEMENT_SECURITY,
    requestBody: jsonBody("CreateKeyRequest", CREATE_KEY_EXAMPLES),
    responses: { "201": jsonResponse("The new key: `key` is shown this once.", "CreatedApiKey"), ...errorResponses("openrouter", [400, ...MANAGEMENT_STATUSES, 413]) },
  },
};

const key = {
  parameters: [hashParameter],
  get: {
    operationId: "getKey", tags: ["Key management"], summary: "Get an API key", security: MANAGEMENT_SECURITY,
    responses: { "200": jsonResponse("The key.", "ApiKeyEnvelope"), ...errorResponses("openrouter", [...MANAGEMENT_STATUSES, 404]) },
  },
  patch: {
    operationId: "updateKey", tags: ["Key management"], summary: "Update an API key", security: MANAGEMENT_SECURITY,
    requestBody: jsonBody("UpdateKeyRequest", UPDATE_KEY_EXAMPLES),
    responses: { "200": jsonResponse("The updated key; changes apply to the next request on every instance.", "ApiKeyEnvelope"), ...errorResponses("openrouter", [400, ...MANAGEMENT_STATUSES, 404]) },
  },
  delete: {
    operationId: "deleteKey", tags: ["Key management"], summary: "Delete an API key", security: MANAGEMENT_SECURITY,
    responses: { "200": jsonResponse("Deleted.", "DeletedApiKey"), ...errorResponses("openrouter", [...MANAGEMENT_STATUSES, 404]) },
  },
};

const keyInfo = (operationId: string) => ({
  get: {
    operationId, tags: ["Account"], summary: "The calling token's limits and usage", security: TOKEN_SECURITY,
    responses: { "200": jsonResponse("The token's own limit and the account's monthly messages.", "KeyInfo"), ...errorResponses("openrouter", [401, 403]) },
  },
});

const generation = {
  get: {
    operationId: "getGeneration", tags: ["Account"], summary: "A generation's record", security: TOKEN_SECURITY,
    description: "Tokens, latency, provider, finish reason and attempts of one request, for the token that made it.",
    parameters: [{ name: "id", in: "query", required: true, description: "The id of a completion (its `id`, or the x-generation-id header).", schema: { type: "string" } }],
    responses: { "200": jsonResponse("The record.", "Generation"), ...errorResponses("openrouter", [400, 401, 403, 404]) },
  },
};

const codeExchange = {
  post: {
    operationId: "exchangeAuthorizationCode", tags: ["OAuth PKCE"], summary: "Exchange a PKCE code for a key", security: [],
    description: "No token needed: the one-time code (valid for minutes) is the credential. Callable from a browser (CORS). 30 attempts a minute per address.",
    requestBody: jsonBody("CodeExchangeRequest", CODE_EXCHANGE_EXAMPLES),
    responses: { "200": jsonResponse("A new lr_live_ key for the app.", "CodeExchangeResponse"), ...errorResponses("openrouter", [400, 403, 405, 413, 429]) },
  },
};

/** The consent page is served by the dashboard host, not the API host. */
const consentPage = (publicUrl: string) => ({
  servers: [{ url: publicUrl, description: "Dashboard" }],
  get: {
    operationId: "authorizeApp", tags: ["OAuth PKCE"], summary: "Consent page (send the user here)", security: [],
    description: "The signed-in user approves or declines; on approval the browser goes to callback_url?code=…, on decline to callback_url?error=access_denied.",
    parameters: [
      { name: "callback_url", in: "query", required: true, description: "Where to send the user back: https, or http on localhost.", schema: { type: "string", format: "uri" } },
      { name: "code_challenge", in: "query", required: false, description: "base64url(SHA-256(code_verifier)) with S256, or the verifier itself with plain.", schema: { type: "string", maxLength: 256 } },
      { name: "code_challenge_method", in: "query", required: false, schema: { type: "string", enum: ["S256", "plain"], default: "plain" } },
    ],
    responses: { "200": { description: "The consent page (HTML); signed-out users are sent to sign in first.", content: { "text/html": { schema: { type: "string" } } } } },
  },
});

const metrics = {
  get: {
    operationId: "getMetrics", tags: ["Operations"], summary: "Prometheus metrics", security: [{ metricsToken: [] }],
    description: "Off unless the server sets METRICS_TOKEN (404 until then).",
    responses: { "200": { description: "Prometheus text format.", content: { "text/plain": { schema: { type: "string" } } } }, ...errorResponses("openai", [401, 404]) },
  },
};

const openapi = {
  get: {
    operationId: "getOpenApiDocument", tags: ["Operations"], summary: "This document", security: [],
    responses: { "200": { description: "OpenAPI 3.1, with this server's URL.", content: { "application/json": { schema: { type: "object" } } } } },
  },
};

export function accountPaths(publicUrl: string) {
  return {
    "/api/v1/keys": keys,
    "/api/v1/keys/{hash}": key,
    "/api/v1/auth/key": keyInfo("getKeyInfo"),
    "/api/v1/key": keyInfo("getKeyInfoShort"),
    "/api/v1/generation": generation,
    "/api/v1/auth/keys": codeExchange,
    "/auth": consentPage(publicUrl),
    "/metrics": metrics,
    "/openapi.json": openapi,
  };
}
