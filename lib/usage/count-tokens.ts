import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ChatMessage } from "@/lib/providers/types";

// Loading the o200k_base tables takes about 150 ms of CPU and 70 MB: done in a worker thread so the
// request path never stalls on it, started on first need and ended when idle. (gpt-tokenizer: half
// the memory of js-tiktoken's tables and a fifth of the start-up, with the same counts.)
const IDLE_MS = 60_000;
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { countTokens } = require(workerData.encoding);
// Text that looks like a special token (<|endoftext|>) is counted as the text it is.
const asText = { disallowedSpecial: new Set() };
parentPort.on("message", ({ id, texts }) => {
  parentPort.postMessage({ id, counts: texts.map((t) => (t ? countTokens(t, asText) : 0)) });
});
`;

interface Pending {
  resolve: (counts: number[]) => void;
  reject: (error: Error) => void;
}

class TokenizerWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  count(texts: string[]): Promise<number[]> {
    if (texts.every((t) => !t)) return Promise.resolve(texts.map(() => 0));
    const worker = this.start();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    worker.ref();
    return new Promise<number[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Resolved from the project root, so this works from the lean server and from Next's bundles.
    const requireFromRoot = createRequire(path.join(process.cwd(), "package.json"));
    const workerData = { encoding: requireFromRoot.resolve("gpt-tokenizer/encoding/o200k_base") };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, execArgv: [], env: {} });
    worker.on("message", ({ id, counts }: { id: number; counts: number[] }) => this.settle(id, counts));
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", () => this.fail(worker, new Error("tokenizer worker exited")));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, counts: number[]): void {
    this.pending.get(id)?.resolve(counts);
    this.pending.delete(id);
    if (this.pending.size > 0 || !this.worker) return;
    this.worker.unref();
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS).unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}

const SLOT = Symbol.for("oauthrouter.tokenizer");
type GlobalWithTokenizer = typeof globalThis & { [SLOT]?: TokenizerWorker };
const tokenizer = () => ((globalThis as GlobalWithTokenizer)[SLOT] ??= new TokenizerWorker());

/** o200k_base token count of a text: only needed when a provider reports no usage. */
export async function countTokens(text: string): Promise<number> {
  const [count] = await tokenizer().count([text]);
  return count;
}

export function messageText(message: ChatMessage): string {
  const content = typeof message.content === "string"
    ? message.content
    : (message.content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("");
  const calls = (message.tool_calls ?? []).map((call) => call.function.name + call.function.arguments).join("");
  return content + calls;
}

/** Each message's tokens as OpenAI counts chat messages: its text plus about four tokens of framing. */
export async function countMessageTokens(messages: ChatMessage[]): Promise<number[]> {
  return (await tokenizer().count(messages.map(messageText))).map((n) => n + 4);
}

/** Prompt tokens: the messages' tokens and three for the reply's priming. */
export async function countPromptTokens(messages: ChatMessage[]): Promise<number> {
  return (await countMessageTokens(messages)).reduce((sum, n) => sum + n, 3);
}
