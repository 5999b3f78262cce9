import { database } from "./index";

/**
 * A parameterised query on the driver underneath Prisma (pg pool or PGlite), for the few
 * statements on every request's path: no query compilation, one round trip.
 */
export async function rawQuery<T>(sql: string, params: unknown[]): Promise<T[]> {
  const db = await database();
  if (db.pool) return (await db.pool.query(sql, params)).rows as T[];
  if (db.pglite) return (await db.pglite.query<T>(sql, params)).rows;
  return db.prisma.$queryRawUnsafe<T[]>(sql, ...params);
}
