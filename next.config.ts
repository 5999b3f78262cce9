import type { NextConfig } from "next";

// Next.js hydrates with inline scripts, so script-src keeps 'unsafe-inline' until pages carry nonces;
// framing, plugins, base URIs and form targets are locked down.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CSP },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  poweredByHeader: false,
  // Pages and route modules load on their first request, not all at start: a process serving
  // mostly the API (the lean server in server.ts) does not hold every page's code in memory.
  experimental: { preloadEntriesOnStart: false },
  // Tests are type-checked by `npm run typecheck`; the build checks the app.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Loaded by Node at run time, not bundled: WebAssembly files, native drivers, generated engines.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/client",
    "pg",
    "ioredis",
  ],
};

export default nextConfig;
