import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Every test worker gets its own data folder and fixed secrets, never the developer's ./.data.
process.env.DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "oauthrouter-test-"));
process.env.ENCRYPTION_KEY ??= "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e";
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef0123456789";
process.env.ALLOW_PRIVATE_UPSTREAMS ??= "true";
process.env.LOG_LEVEL ??= "warn";
process.env.NEXT_TELEMETRY_DISABLED = "1";
