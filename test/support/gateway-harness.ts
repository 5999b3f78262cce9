import type { Server } from "node:http";
import { resetEnvCache } from "@/lib/config/env";
import { baseUrlEnvName } from "@/lib/providers/registry";
import { createApiServer, listen } from "@/lib/server/api-server";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createUser } from "@/lib/services/users/create-user";
import { startFakeUpstream } from "@/test/fake-upstream/server";
import { usageWriter } from "@/lib/usage/usage-writer";
import { installDatabase, uninstallDatabase, type DatabaseTarget } from "./databases";

/**
 * Where each provider's API lives under the fake upstream, mirroring the real base URLs' paths;
 * `/as/<provider>` tells the fake which OpenAI-dialect provider to play (it is not in recorded paths).
 */
export const FAKE_BASE_PATHS: Record<string, string> = {
  anthropic: "",
  openai: "/as/openai/v1",
  google: "",
  mistral: "/as/mistral/v1",
  groq: "/as/groq/openai/v1",
  xai: "/as/xai/v1",
  deepseek: "/as/deepseek/v1",
  together: "/as/together/v1",
  cohere: "",
  "cloudflare-ai": "/as/cloudflare-ai/client/v4/accounts/{account_id}/ai/v1",
  openrouter: "/as/openrouter/api/v1",
};

/** The UPSTREAM_<PROVIDER>_BASE_URL settings that point every provider at the fake at `fakeUrl`. */
export function fakeUpstreamEnv(fakeUrl: string): Record<string, string> {
  return Object.fromEntries(Object.entries(FAKE_BASE_PATHS).map(([provider, path]) => [baseUrlEnvName(provider), fakeUrl + path]));
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;

export interface Gateway {
  url: string;
  fake: FakeUpstream;
  server: Server;
  /** Creates a user with the given credentials; returns its default token. */
  newUser(
    email: string,
    credentials?: Array<{ provider: string; key: string; baseUrl?: string; accountId?: string; kind?: "api_key" | "oauth_token" }>,
    plan?: "free" | "starter" | "pro" | "enterprise",
  ): Promise<{ userId: string; token: string }>;
  close(): Promise<void>;
}

/** A fake upstream, every provider pointed at it, a database, and the API server on loopback. */
export async function startGateway(target: DatabaseTarget): Promise<Gateway> {
  const fake = await startFakeUpstream();
  Object.assign(process.env, fakeUpstreamEnv(fake.url));
  resetEnvCache();
  await installDatabase(target);
  const server: Server = createApiServer();
  const url = await listen(server);
  return {
    url,
    fake,
    server,
    async newUser(email, credentials = [], plan = "free") {
      const { user, token } = await createUser({ email, password: "password-123", plan });
      for (const c of credentials) {
        await addCredential(user.id, { provider: c.provider, secret: c.key, baseUrl: c.baseUrl, accountId: c.accountId, kind: c.kind });
      }
      return { userId: user.id, token };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fake.close();
      await usageWriter().flush();
      await uninstallDatabase(target);
    },
  };
}
