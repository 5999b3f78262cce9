import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".data/**"],
    environment: "node",
    setupFiles: ["test/setup-env.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Browser flows wait for a server round trip and a re-render; on a busy 2-core machine that can take seconds.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
