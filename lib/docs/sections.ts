export interface DocSectionLink {
  id: string;
  title: string;
  children?: Array<{ id: string; title: string }>;
}

/** The docs' table of contents: the sidebar, the anchors, and the order of the page. */
export const DOC_SECTIONS: DocSectionLink[] = [
  { id: "quickstart", title: "Quickstart" },
  { id: "authentication", title: "Authentication" },
  {
    id: "chat-completions",
    title: "Chat completions",
    children: [
      { id: "chat-fields", title: "Request fields" },
      { id: "streaming", title: "Streaming" },
      { id: "tools", title: "Tool calling" },
      { id: "structured-outputs", title: "Structured outputs" },
      { id: "reasoning", title: "Reasoning" },
      { id: "fallbacks", title: "Fallbacks" },
    ],
  },
  {
    id: "responses",
    title: "Responses API",
    children: [
      { id: "responses-state", title: "Conversation state" },
      { id: "codex", title: "Codex CLI" },
      { id: "agents-sdk", title: "Agents SDK" },
    ],
  },
  { id: "completions", title: "Completions (legacy)" },
  {
    id: "models",
    title: "Models",
    children: [{ id: "model-endpoints", title: "Endpoints and filters" }],
  },
  {
    id: "openrouter",
    title: "OpenRouter compatibility",
    children: [
      { id: "openrouter-ids", title: "Model ids" },
      { id: "openrouter-variants", title: "Variants" },
      { id: "provider-preferences", title: "Provider preferences" },
      { id: "middle-out", title: "Middle-out" },
      { id: "web-search", title: "Web search" },
      { id: "attribution", title: "App attribution" },
    ],
  },
  { id: "embeddings", title: "Embeddings" },
  {
    id: "native-endpoints",
    title: "Native endpoints",
    children: [
      { id: "anthropic-messages", title: "Anthropic /v1/messages" },
      { id: "gemini", title: "Gemini /v1beta" },
    ],
  },
  { id: "key-management", title: "Key management" },
  { id: "apps", title: "Apps (OAuth PKCE)" },
  { id: "errors", title: "Errors" },
  { id: "limits", title: "Limits and plans" },
  { id: "examples", title: "SDKs and tools" },
  { id: "pitfalls", title: "Common pitfalls" },
];
