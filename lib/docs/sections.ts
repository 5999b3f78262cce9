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
  { id: "completions", title: "Completions (legacy)" },
  {
    id: "models",
    title: "Models",
    children: [{ id: "model-endpoints", title: "Endpoints and filters" }],
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
