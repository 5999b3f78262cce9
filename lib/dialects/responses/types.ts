import type { Usage } from "@/lib/providers/types";

/**
 * OpenAI's Responses API as we answer it: the response object, its output items and the stream
 * events. Shapes follow the `openai` SDK's resources/responses (tests assign ours to its types).
 */

export interface OutputText {
  type: "output_text";
  text: string;
  annotations: UrlCitation[];
  logprobs: [];
}

export interface UrlCitation {
  type: "url_citation";
  url: string;
  title: string;
  start_index: number;
  end_index: number;
}

export interface OutputMessage {
  id: string;
  type: "message";
  role: "assistant";
  status: ItemStatus;
  content: Array<OutputText | { type: "refusal"; refusal: string }>;
}

export interface FunctionCallItem {
  id: string;
  type: "function_call";
  status: ItemStatus;
  call_id: string;
  name: string;
  arguments: string;
}

export interface ReasoningItem {
  id: string;
  type: "reasoning";
  status?: ItemStatus;
  summary: Array<{ type: "summary_text"; text: string }>;
  /** Opaque to clients: what the model needs back next turn (see reasoning-state.ts). */
  encrypted_content?: string | null;
}

export type ItemStatus = "in_progress" | "completed" | "incomplete";
export type OutputItem = OutputMessage | FunctionCallItem | ReasoningItem;
export type ResponseStatus = "in_progress" | "completed" | "incomplete" | "failed";

export interface ResponsesUsage extends Pick<Usage, "cost" | "is_byok" | "cost_details"> {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** What a response repeats of its request (OpenAI echoes the configuration it ran with). */
export interface ResponseEnvelope {
  id: string;
  object: "response";
  created_at: number;
  model: string;
  instructions: string | null;
  max_output_tokens: number | null;
  metadata: Record<string, string>;
  parallel_tool_calls: boolean;
  previous_response_id: string | null;
  reasoning: { effort: string | null; summary: string | null };
  store: boolean;
  temperature: number | null;
  text: { format: Record<string, unknown> };
  tool_choice: unknown;
  tools: unknown[];
  top_p: number | null;
  truncation: "auto" | "disabled";
  user: string | null;
  background: false;
}

export interface ResponsesResponse extends ResponseEnvelope {
  status: ResponseStatus;
  error: { code: "server_error" | "rate_limit_exceeded"; message: string } | null;
  incomplete_details: { reason: "max_output_tokens" | "content_filter" } | null;
  output: OutputItem[];
  usage: ResponsesUsage | null;
  completed_at?: number | null;
}

type Located = { item_id: string; output_index: number };

/** The events of a Responses stream, without their sequence_number (the encoder numbers them). */
export type ResponsesEvent =
  | { type: "response.created" | "response.in_progress" | "response.completed" | "response.incomplete" | "response.failed"; response: ResponsesResponse }
  | { type: "response.output_item.added" | "response.output_item.done"; output_index: number; item: OutputItem }
  | ({ type: "response.content_part.added" | "response.content_part.done"; content_index: number; part: OutputText } & Located)
  | ({ type: "response.output_text.delta"; content_index: number; delta: string; logprobs: [] } & Located)
  | ({ type: "response.output_text.done"; content_index: number; text: string; logprobs: [] } & Located)
  | ({ type: "response.output_text.annotation.added"; content_index: number; annotation_index: number; annotation: UrlCitation } & Located)
  | ({ type: "response.function_call_arguments.delta"; delta: string } & Located)
  | ({ type: "response.function_call_arguments.done"; name: string; arguments: string } & Located)
  | ({ type: "response.reasoning_summary_part.added" | "response.reasoning_summary_part.done"; summary_index: number; part: { type: "summary_text"; text: string } } & Located)
  | ({ type: "response.reasoning_summary_text.delta"; summary_index: number; delta: string } & Located)
  | ({ type: "response.reasoning_summary_text.done"; summary_index: number; text: string } & Located);
