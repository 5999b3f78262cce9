// The production server: the public API on the lean path (lib/server/api-server), everything
// else (pages, dashboard, auth) through Next.js, loaded on the first page request. One process, one port.
import type { AddressInfo } from "node:net";
import next from "next";
import { env } from "@/lib/config/env";
import { secrets } from "@/lib/config/secrets";
import { createApiServer } from "@/lib/server/api-server";
import { nextOnDemand } from "@/lib/server/next-on-demand";
import { openDatabaseEarly } from "@/lib/server/open-database-early";
import { installShutdownHandlers } from "@/lib/server/shutdown";
import { log } from "@/lib/observability/logger";

// The working directory is the project root (npm start, the service unit); the bundled server runs from .next/.
const root = process.cwd();

async function main() {
  process.env.OAUTHROUTER_SERVER = "1";
  // This process owns SIGTERM (lib/server/shutdown): Next.js must not exit on it first.
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";
  const config = env();
  secrets();
  const app = next({ dev: false, dir: root, hostname: config.HOST, port: config.PORT });
  const server = createApiServer(nextOnDemand(app));
  installShutdownHandlers(server);
  await openDatabaseEarly();
  server.listen(config.PORT, config.HOST, () => {
    const { port } = server.address() as AddressInfo;
    log.info(`listening on http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`, { port });
  });
}

main().catch((error) => {
  log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
