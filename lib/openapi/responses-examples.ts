/** Example Responses API bodies, shown in the docs and the OpenAPI document (a test parses each). */
const weatherTool = {
  type: "function",
  name: "get_weather",
  description: "Current weather for a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

export const RESPONSES_EXAMPLES = {
  basic: {
    summary: "A response from any model",
    value: { model: "anthropic/claude-sonnet-4-5", instructions: "You are helpful.", input: "Hello!" },
  },
  streaming: {
    summary: "Streamed as Responses events",
    value: { model: "google/gemini-2.5-flash", input: "Write a haiku about routers.", stream: true },
  },
  tools: {
    summary: "Function calling",
    value: { model: "openai/gpt-4o", input: "What is the weather in Paris?", tools: [weatherTool], tool_choice: "auto" },
  },
  toolOutput: {
    summary: "A function's output, continuing a stored response",
    value: { model: "openai/gpt-4o", previous_response_id: "RESPONSE_ID", input: [{ type: "function_call_output", call_id: "CALL_ID", output: "18°C and sunny" }], tools: [weatherTool] },
  },
  reasoning: {
    summary: "Reasoning with a summary, not stored",
    value: { model: "anthropic/claude-sonnet-4-5", input: "How many r's are in strawberry?", reasoning: { effort: "low", summary: "auto" }, store: false },
  },
} as const;
