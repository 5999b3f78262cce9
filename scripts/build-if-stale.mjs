// Builds the Next.js app and the server bundle when their sources changed since the last build
// (npm start, npm run build, the test setup, the benchmark).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SERVER_BUNDLE = ".next/oauthrouter/server.mjs";
const SOURCES = ["app", "lib", "components", "public", "server.ts", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "tsconfig.build.json", "prisma/schema.prisma", "scripts"];

function* walk(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (!stat.isDirectory()) return yield `${entry}:${stat.size}:${stat.mtimeMs}`;
  for (const child of readdirSync(full).sort()) {
    if (child === "generated" || /\.test\.tsx?$/.test(child)) continue;
    yield* walk(path.join(entry, child));
  }
}

/**
 * server.ts and what it imports from lib/, compiled ahead into one ES module so production runs on
 * plain Node (no TypeScript loader in the process); packages stay in node_modules.
 */
function bundleServer() {
  buildSync({
    absWorkingDir: root,
    entryPoints: ["server.ts"],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}

export function buildIfStale() {
  const stamp = createHash("sha256").update(SOURCES.flatMap((s) => [...walk(s)]).join("\n")).digest("hex");
  const stampFile = path.join(root, ".next", "oauthrouter-source-stamp");
  const built = [".next/BUILD_ID", SERVER_BUNDLE].every((file) => existsSync(path.join(root, file)));
  if (built && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  console.log("[oauthrouter] building the app (first start or sources changed)…");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  bundleServer();
  writeFileSync(stampFile, stamp);
}
