/** Splits Prisma's `?schema=` convention off a PostgreSQL URL; pg does not understand it. */
export function splitSchema(databaseUrl: string): { url: string; schema?: string } {
  const parsed = new URL(databaseUrl);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`DATABASE_URL schema "${schema}" is not a plain identifier`);
  }
  return { url: parsed.toString(), schema };
}
