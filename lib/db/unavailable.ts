// Network failures, PostgreSQL's connection-class and shutdown states, pg's own timeouts, and the
// Prisma codes for an unreachable or closed server: all mean "the database is not there right now".
const CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300", "P1001", "P1002", "P1017", "P2024"]);
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection (?:is )?closed|Client has encountered a connection error|the database system is (?:starting up|shutting down)/i;

/** Whether an error says the database cannot be reached (as opposed to a bad query or data). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
  }
  return false;
}
