// Builds the app once before the suite when its sources changed; browser tests serve that build.
export default async function setup() {
  // @ts-expect-error plain .mjs script shared with `npm start`
  const { buildIfStale } = await import("../scripts/build-if-stale.mjs");
  buildIfStale();
}
