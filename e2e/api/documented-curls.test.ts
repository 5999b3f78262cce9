import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { resetEnvCache } from "@/lib/config/env";
import { apiSnippets } from "@/lib/docs/api-snippets";
import { PLACEHOLDERS } from "@/lib/docs/curl";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { createAuthorizationCode } from "@/lib/services/oauth-apps/authorization-codes";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const run = promisify(execFile);
const METRICS_TOKEN = "metrics-token-for-documented-curls";
// Copied verbatim from the specification (native-endpoints-and-key-management.md).
const REFERENCE = readFileSync(path.join(import.meta.dirname, "fixtures/native-endpoints-and-key-management.md"), "utf8");

/** Each `curl …` of the reference: its lines up to one that neither ends with a backslash nor sits inside a quote. */
function referenceCurls(): Array<{ title: string; command: string }> {
  const lines = REFERENCE.split("\n");
  const found: Array<{ title: string; command: string }> = [];
  lines.forEach((line, index) => {
    if (!line.startsWith("curl ")) return;
    let end = index;
    const complete = (text: string) => !text.trimEnd().endsWith("\\") && (text.match(/'/g) ?? []).length % 2 === 0;
    while (!complete(lines.slice(index, end + 1).join("\n"))) end += 1;
    const title = lines.slice(0, index).reverse().find((previous) => previous.trim() && !/^[\s#]/.test(previous))!;
    found.push({ title: title.trim(), command: lines.slice(index, end + 1).join("\n") });
  });
  return found;
}

describe("the curl examples, run as written against a server", () => {
  let gateway: Gateway;
  let curlHome: string;
  const values = new Map<string, string>();

  /** Runs a command through bash with our values in place of the placeholders; curl's config adds the status line. */
  async function curl(command: string): Promise<{ status: number; body: string; json: () => any }> {
    let filled = command;
    for (const [placeholder, value] of values) filled = filled.replaceAll(placeholder, value);
    expect(filled, "a placeholder was left unfilled").not.toMatch(/YOUR_|KEY_HASH|GENERATION_ID|RESPONSE_ID|CODE_FROM|CODE_VERIFIER|xxxx/);
    const { stdout } = await run("bash", ["-c", filled], { env: { ...process.env, CURL_HOME: curlHome }, maxBuffer: 10_000_000 });
    const cut = stdout.lastIndexOf("\n");
    return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut), json: () => JSON.parse(stdout.slice(0, cut)) };
  }

  beforeAll(async () => {
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    gateway = await startGateway(databaseTargets()[0]);
    process.env.PUBLIC_URL = gateway.url;
    resetEnvCache();
    const credentials = [{ provider: "openai", key: "sk-openai-docs" }, { provider: "anthropic", key: "sk-ant-api03-docs" }, { provider: "google", key: "AIza-docs" }];
    const { userId, token } = await gateway.newUser("docs-curls@example.com", credentials, "pro");
    const verifier = "a-verifier-of-at-least-forty-three-characters-xyz";
    const { code } = await createAuthorizationCode(userId, "https://app.example/callback", { value: createHash("sha256").update(verifier).digest("base64url"), method: "S256" });
    curlHome = mkdtempSync(path.join(tmpdir(), "curl-home-"));
    writeFileSync(path.join(curlHome, ".curlrc"), 'silent\nshow-error\nwrite-out = "\\n%{http_code}"\n');
    values.set(PLACEHOLDERS.token, token).set(PLACEHOLDERS.managementKey, (await createManagementKey(userId)).key);
    values.set(PLACEHOLDERS.code, code).set(PLACEHOLDERS.codeVerifier, verifier).set(PLACEHOLDERS.metricsToken, METRICS_TOKEN);
    values.set("lr_live_xxxx", token).set("lr_mgmt_xxxx", values.get(PLACEHOLDERS.managementKey)!).set("https://api.arouter.com", gateway.url);
  });
  afterAll(async () => {
    delete process.env.METRICS_TOKEN;
    delete process.env.PUBLIC_URL;
    resetEnvCache();
    await gateway?.close();
  });

  it("runs every curl of the docs, in order, with the answers the docs describe", async () => {
    const snippets = apiSnippets({ apiUrl: gateway.url, publicUrl: gateway.url });
    const answers: Record<string, Awaited<ReturnType<typeof curl>>> = {};
    for (const [name, snippet] of Object.entries(snippets)) {
      const answer = await curl(snippet.code);
      expect(answer.status, `${name}: ${answer.body.slice(0, 300)}`).toBeLessThan(300);
      answers[name] = answer;
      if (name === "chatBasic") values.set(PLACEHOLDERS.generationId, answer.json().id);
      if (name === "responsesCreate") values.set(PLACEHOLDERS.responseId, answer.json().id);
      if (name === "keyCreate") values.set(PLACEHOLDERS.keyHash, answer.json().data.hash);
    }
    expect(answers.chatBasic.json().choices[0].message.role).toBe("assistant");
    for (const streamed of ["chatStream", "messagesOtherModel", "geminiStream"]) expect(answers[streamed].body, streamed).toMatch(/^data: /m);
    expect(answers.chatStream.body).toContain("data: [DONE]");
    expect(answers.chatTools.json().choices[0].finish_reason).toBe("tool_calls");
    expect(answers.chatFallbacks.json().provider).toBe("anthropic");
    expect(answers.responsesCreate.json()).toMatchObject({ object: "response", status: "completed", output: [{ type: "message" }] });
    expect(answers.responsesStream.body).toMatch(/^event: response\.completed$/m);
    expect(answers.responsesGet.json().id).toBe(values.get(PLACEHOLDERS.responseId));
    expect(answers.modelsList.json().data.length).toBeGreaterThan(0);
    expect(answers.completion.json()).toMatchObject({ object: "text_completion", choices: [{ text: expect.any(String) }] });
    expect(answers.completionStream.body).toMatch(/^data: \{"id":"gen-[^"]+","object":"text_completion"/m);
    expect(answers.modelsFiltered.json().data.every((m: { supported_parameters: string[] }) => m.supported_parameters.includes("tools"))).toBe(true);
    expect(answers.modelEndpoints.json().data.endpoints[0]).toMatchObject({ provider_name: "Anthropic", tag: "anthropic" });
    expect(answers.geminiEmbed.json().embedding.values.length).toBeGreaterThan(0);
    expect(answers.geminiBatchEmbed.json().embeddings).toHaveLength(2);
    expect(answers.geminiModels.json().models.map((m: { name: string }) => m.name)).toContain("models/gemini-2.5-flash");
    expect(answers.modelGet.json().id).toBe("anthropic/claude-sonnet-4-5");
    expect(answers.embeddings.json().data[0].embedding.length).toBeGreaterThan(0);
    expect(answers.messages.json()).toMatchObject({ type: "message", role: "assistant" });
    expect(answers.countTokens.json().input_tokens).toBeGreaterThan(0);
    expect(answers.geminiGenerate.json().candidates[0].content.role).toBe("model");
    expect(answers.geminiCountTokens.json().totalTokens).toBeGreaterThan(0);
    expect(answers.keyCreate.status).toBe(201);
    expect(answers.keyCreate.json().key).toMatch(/^lr_live_/);
    expect(answers.keyList.json().data.map((key: { name: string }) => key.name)).toContain("backend-service");
    expect(answers.keyUpdate.json().data.disabled).toBe(true);
    expect(answers.keyDelete.json()).toEqual({ deleted: true, hash: values.get(PLACEHOLDERS.keyHash) });
    expect(answers.keyInfo.json().data.plan).toBe("pro");
    expect(answers.generation.json().data.id).toBe(values.get(PLACEHOLDERS.generationId));
    expect(answers.codeExchange.json()).toMatchObject({ key: expect.stringMatching(/^lr_live_/), app: "https://app.example" });
    expect(answers.metrics.body).toMatch(/^# (HELP|TYPE) /m);
    expect(answers.openapi.json().servers[0].url).toBe(gateway.url);

    // What the OpenAPI document promises for each answer is what the server sent.
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schemas = buildOpenApiDocument({ apiUrl: gateway.url, publicUrl: gateway.url }).components.schemas as Record<string, object>;
    for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const documented: Record<string, string> = {
      chatBasic: "ChatCompletion", completion: "TextCompletion", modelsList: "ModelList", modelsFiltered: "ModelList", modelGet: "Model", modelEndpoints: "ModelEndpoints",
      embeddings: "EmbeddingsResponse", geminiEmbed: "EmbedContentResponse", geminiBatchEmbed: "BatchEmbedContentsResponse", geminiModels: "GeminiModelList", keyInfo: "KeyInfo", generation: "Generation",
    };
    for (const [snippet, schema] of Object.entries(documented)) {
      const validate = ajv.getSchema(`#/components/schemas/${schema}`)!;
      expect(validate(answers[snippet].json()) ? [] : validate.errors, `${snippet} as ${schema}`).toEqual([]);
    }
  }, 60_000);

  it("runs the specification's curls (native-endpoints-and-key-management.md) with only the host and tokens replaced", async () => {
    const curls = referenceCurls();
    expect(curls.map((c) => c.title)).toEqual([
      "OpenAI-Compatible Endpoint", "Switch Provider", "Streaming", "Anthropic Native Endpoint", "Gemini Native Endpoint",
      "List Models", "Embeddings", "Create API Key", "List API Keys", "Update API Key", "Delete API Key",
    ]);
    for (const { title, command } of curls) {
      const answer = await curl(command);
      expect(answer.status, `${title}: ${answer.body.slice(0, 300)}`).toBe(title === "Create API Key" ? 201 : 200);
      if (title === "Create API Key") values.set("KEY_HASH", answer.json().data.hash);
      if (title === "Streaming") expect(answer.body).toContain("data: [DONE]");
      if (title === "Anthropic Native Endpoint") expect(answer.json().type).toBe("message");
      if (title === "Gemini Native Endpoint") expect(answer.json().candidates.length).toBe(1);
      if (title === "Update API Key") expect(answer.json().data.disabled).toBe(true);
      if (title === "Delete API Key") expect(answer.json().deleted).toBe(true);
    }
  }, 60_000);
});
