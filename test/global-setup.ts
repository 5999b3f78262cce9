// Builds the app once before the suite when its sources changed; browser tests serve that build.
// SKIP_APP_BUILD=1 skips it for a quick run of tests that never start the built app (the lean API
// server and unit tests run from source); CI and `npm test` always build.
export default async function setup() {
  if (process.env.SKIP_APP_BUILD === "1" && !process.env.CI) return;
  // @ts-expect-error plain .mjs script shared with `npm start`
  const { buildIfStale } = await import("../scripts/build-if-stale.mjs");
  buildIfStale();
}
