// Runs the API server alone in its own process (for multi-instance tests); prints its URL.
import { createApiServer, listen } from "@/lib/server/api-server";
import { installShutdownHandlers } from "@/lib/server/shutdown";

const server = createApiServer();
installShutdownHandlers(server);
const url = await listen(server, 0);
console.log(`LISTENING ${url}`);
