import { errorResponses, GATEWAY_STATUSES, GENERATION_HEADERS, jsonBody, jsonResponse, ref, TOKEN_SECURITY, withApiAlias } from "./operation-parts";
import { RESPONSES_EXAMPLES } from "./responses-examples";

const STREAM_DESCRIPTION =
  "With `stream: true`: server-sent events, `event: <type>` and `data: {…, \"sequence_number\": n}` from 0: response.created, response.in_progress, " +
  "for each output item response.output_item.added, its deltas (output_text, function_call_arguments, reasoning_summary_text) and response.output_item.done, " +
  "then response.completed or response.incomplete. A failure after the first byte ends the stream with response.failed carrying the error.";

const responseId = { name: "response_id", in: "path", required: true, description: "The response's id (resp_…).", schema: { type: "string" } };

const create = {
  post: {
    operationId: "createResponse",
    tags: ["Responses"],
    summary: "Create a response (OpenAI Responses API)",
    description:
      "OpenAI's Responses API with any model behind it; OpenAI models (and custom endpoints that have /responses) get the request as sent. " +
      "`store` (default true) keeps the response for 30 days for previous_response_id and GET; `store: false` keeps nothing but the usage row. Counted as one message.",
    security: TOKEN_SECURITY,
    requestBody: jsonBody("ResponsesRequest", RESPONSES_EXAMPLES),
    responses: {
      "200": {
        description: "The response, or its stream of events.",
        headers: GENERATION_HEADERS,
        content: {
          "application/json": { schema: ref("Response") },
          "text/event-stream": { schema: { type: "string", description: STREAM_DESCRIPTION }, example: 'event: response.created\ndata: {"type":"response.created","sequence_number":0,"response":{…}}\n\n' },
        },
      },
      ...errorResponses("openai", [...GATEWAY_STATUSES, 404].sort((a, b) => a - b)),
    },
  },
};

const stored = {
  get: {
    operationId: "getResponse",
    tags: ["Responses"],
    summary: "Retrieve a stored response",
    description: "A response your account stored in the last 30 days; another account's ids are not found.",
    security: TOKEN_SECURITY,
    parameters: [responseId],
    responses: { "200": jsonResponse("The response.", "Response"), ...errorResponses("openai", [400, 401, 404]) },
  },
  delete: {
    operationId: "deleteResponse",
    tags: ["Responses"],
    summary: "Delete a stored response",
    security: TOKEN_SECURITY,
    parameters: [responseId],
    responses: { "200": jsonResponse("Deleted.", "DeletedResponse"), ...errorResponses("openai", [401, 404]) },
  },
};

const inputItems = {
  get: {
    operationId: "listResponseInputItems",
    tags: ["Responses"],
    summary: "List a stored response's input items",
    description: "The items the response was generated from: the conversation before it (previous_response_id), then its own input.",
    security: TOKEN_SECURITY,
    parameters: [
      responseId,
      { name: "limit", in: "query", required: false, description: "1 to 100, default 20.", schema: { type: "integer", minimum: 1, maximum: 100 } },
      { name: "order", in: "query", required: false, description: "desc (default, newest first) or asc.", schema: { type: "string", enum: ["asc", "desc"] } },
      { name: "after", in: "query", required: false, description: "An item id: the page starts after it.", schema: { type: "string" } },
    ],
    responses: { "200": jsonResponse("A page of items.", "ResponseItemList"), ...errorResponses("openai", [400, 401, 404]) },
  },
};

export const RESPONSES_PATHS = {
  ...withApiAlias("/v1/responses", create),
  ...withApiAlias("/v1/responses/{response_id}", stored),
  ...withApiAlias("/v1/responses/{response_id}/input_items", inputItems),
};
