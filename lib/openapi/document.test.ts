import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { CHAT_FIELDS } from "@/lib/docs/chat-fields";
import { ERROR_STATUSES } from "@/lib/docs/error-catalog";
import { ERROR_TYPES, GatewayError } from "@/lib/errors/gateway-error";
import { openAiErrorBody } from "@/lib/errors/render-openai";
import { chatRequestSchema } from "@/lib/gateway/chat/request-schema";
import { apiRoutes, matchApiRoute } from "@/lib/gateway/api-routes";
import { buildOpenApiDocument } from "./document";
import { handleOpenApi } from "./handle-openapi";
import { REQUEST_SCHEMAS } from "./request-schemas";

type Json = Record<string, any>;
const HOSTS = { apiUrl: "https://api.router.test", publicUrl: "https://router.test" };
const document = buildOpenApiDocument(HOSTS) as Json;
const METHODS = ["get", "post", "put", "patch", "delete"];

/** A concrete request path for a documented template. */
const SAMPLES: Record<string, string> = { id: "anthropic/claude-sonnet-4-5", model: "gemini-2.0-flash", hash: "a".repeat(64), path: "gemini-2.0-flash:generateContent" };
const concrete = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLES[name] ?? name);

function documentedOperations(): Array<{ method: string; path: string; operation: Json }> {
  return Object.entries(document.paths as Json).flatMap(([route, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method: method.toUpperCase(), path: route, operation: item[method] })),
  );
}

/** Route files of the Next.js app with the methods they export, as `METHOD /concrete/path`. */
function nextRouteEndpoints(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return nextRouteEndpoints(full);
    if (entry.name !== "route.ts") return [];
    const route = `/${path.relative("app", dir)}`.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => SAMPLES[name]);
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return methods.map((method) => `${method} ${route}`);
  });
}

describe("the OpenAPI document", () => {
  afterEach(() => {
    delete process.env.API_PUBLIC_URL;
    delete process.env.PUBLIC_URL;
    resetEnvCache();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every route the API server serves, and serves every route it documents", async () => {
    const documented = new Set(documentedOperations().map((op) => `${op.method} ${op.path}`));
    for (const route of apiRoutes()) {
      if (route.paths.length === 0) {
        // Routes without paths exist only to refuse a method; prove it.
        const answer = await route.handler(new Request("http://router.test/api/v1/auth/keys", { method: route.method }), {});
        expect(answer.status, `${route.method} ${route.pattern}`).toBe(405);
        continue;
      }
      for (const template of route.paths) {
        expect(documented, `${route.method} ${template} is served but not documented`).toContain(`${route.method} ${template}`);
        expect(route.pattern.test(concrete(template)), `${template} does not match ${route.pattern}`).toBe(true);
      }
    }
    for (const { method, path: template } of documentedOperations()) {
      if (template === "/auth") continue; // the consent page, a Next.js page: checked below
      expect(matchApiRoute(method, concrete(template)), `${method} ${template} is documented but not served`).not.toBeNull();
    }
    expect(readdirSync("app/auth")).toContain("page.tsx");
  });

  it("covers every API route file of the Next.js app (sign-in routes aside)", () => {
    const endpoints = nextRouteEndpoints().filter((endpoint) => !endpoint.split(" ")[1].startsWith("/api/auth/"));
    expect(endpoints).toEqual(expect.arrayContaining(["GET /metrics", "GET /openapi.json"]));
    for (const endpoint of endpoints) {
      const [method, route] = endpoint.split(" ");
      expect(matchApiRoute(method, route), `${endpoint} is a Next.js route missing from lib/gateway/api-routes.ts`).not.toBeNull();
    }
  });

  it("serves /v1, /api/v1 and /v1beta in Next.js only through catch-alls that dispatch through the routes table", async () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const apiFiles = ["app/v1", "app/api/v1", "app/v1beta"].flatMap(files);
    // A route of its own here would answer beside the table (an empty 405 for its other methods): add it to lib/gateway/api-routes.ts instead.
    expect(apiFiles.sort()).toEqual(["app/api/v1/[[...path]]/route.ts", "app/v1/[[...path]]/route.ts", "app/v1beta/[[...path]]/route.ts"]);
    const { serveApiRoute } = await import("@/lib/server/next-api-route");
    for (const file of apiFiles) {
      const mounted = (await import(`@/${file}`)) as Record<string, unknown>;
      for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(mounted[method], `${method} in ${file}`).toBe(serveApiRoute);
    }
  });

  it("has example request bodies that our own request schemas accept, as does the published JSON Schema", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(document.components.schemas as Json)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    let checked = 0;
    for (const { method, path: template, operation } of documentedOperations()) {
      const body = operation.requestBody?.content?.["application/json"];
      if (!body) continue;
      const name = String(body.schema.$ref).split("/").pop()!;
      const published = ajv.getSchema(`#/components/schemas/${name}`)!;
      for (const [label, example] of Object.entries(body.examples as Json)) {
        const where = `${method} ${template} example '${label}'`;
        const parsed = REQUEST_SCHEMAS[name].parse.safeParse(example.value);
        expect(parsed.error?.issues ?? [], where).toEqual([]);
        expect(published(example.value) ? [] : published.errors, where).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it("describes every error type and every chat field the code knows", () => {
    expect(new Set(ERROR_STATUSES.map((entry) => entry.type))).toEqual(new Set(ERROR_TYPES));
    expect(document.components.schemas.Error.properties.error.properties.type.enum).toEqual([...ERROR_TYPES]);
    expect(CHAT_FIELDS.map((field) => field.name).sort()).toEqual(Object.keys(chatRequestSchema.shape).sort());
    const properties = document.components.schemas.ChatCompletionRequest.properties;
    for (const field of CHAT_FIELDS) expect(properties[field.name].description).toBe(field.description);
  });

  it("documents OpenRouter's error shape (an integer code, ours in metadata.code) on /api/v1 and OpenAI's on /v1, as each renders", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(document.components.schemas as Json)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const schemasOf = (prefix: RegExp) => new Set(documentedOperations().filter((op) => prefix.test(op.path) && !op.path.includes("/messages")).flatMap((op) =>
      Object.entries(op.operation.responses as Json).filter(([status]) => Number(status) >= 400).map(([, response]) => response.content["application/json"].schema.$ref)));
    expect(schemasOf(/^\/api\/v1\//)).toEqual(new Set(["#/components/schemas/OpenRouterError"]));
    expect(schemasOf(/^\/v1\//)).toEqual(new Set(["#/components/schemas/Error"]));
    const limited = new GatewayError(429, "rate_limit_error", "Monthly message limit reached", { code: "message_limit", metadata: { resets_at: "2026-01-01T00:00:00.000Z" } });
    const openRouter = openAiErrorBody(limited, "openrouter");
    expect(openRouter.error).toMatchObject({ code: 429, metadata: { code: "message_limit", resets_at: "2026-01-01T00:00:00.000Z" } });
    expect(openAiErrorBody(limited).error).toMatchObject({ code: "message_limit", metadata: { resets_at: "2026-01-01T00:00:00.000Z" } });
    const validate = (name: string, body: unknown) => ajv.getSchema(`#/components/schemas/${name}`)!(body);
    expect([validate("OpenRouterError", openRouter), validate("Error", openAiErrorBody(limited)), validate("OpenRouterError", openAiErrorBody(limited))]).toEqual([true, true, false]);
  });

  it("is served with the configured URLs, as JSON, to any origin", async () => {
    process.env.PUBLIC_URL = "https://dashboard.example.org";
    process.env.API_PUBLIC_URL = "https://api.example.org/";
    resetEnvCache();
    const response = await handleOpenApi();
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const served = await response.json();
    expect(served.servers).toEqual([{ url: "https://api.example.org", description: "OauthRouter API" }]);
    expect(served.paths["/auth"].servers[0].url).toBe("https://dashboard.example.org");
    expect(served.info.description).toContain("https://dashboard.example.org/docs#errors");
    expect(JSON.stringify(served)).not.toContain("oauthrouter.com");
  });
});
