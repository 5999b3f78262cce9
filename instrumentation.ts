// Next.js calls register() once when the server starts, in each runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./instrumentation-node")).startNodeServices();
}
