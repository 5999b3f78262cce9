import { ConfigError, env } from "@/lib/config/env";
import { secrets } from "@/lib/config/secrets";
import { startInvalidationRelay } from "@/lib/redis/invalidation-relay";
import { startBackgroundRechecks } from "@/lib/services/credentials/background-rechecks";
import { installShutdownHandlers } from "@/lib/server/shutdown";
import { log } from "@/lib/observability/logger";

/** Node-only start-up for `next start`/`next dev`: validate configuration, relay invalidations, re-check credentials. */
export function startNodeServices(): void {
  try {
    env();
    secrets();
  } catch (error) {
    // A missing or malformed setting stops start-up, naming it.
    if (!(error instanceof ConfigError)) throw error;
    log.error(error.message);
    process.exit(1);
  }
  startInvalidationRelay();
  startBackgroundRechecks();
  // Under server.ts (npm start) the server installs its own handlers, which also stop accepting.
  if (process.env.OAUTHROUTER_SERVER !== "1") installShutdownHandlers();
}
