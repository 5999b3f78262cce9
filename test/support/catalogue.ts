/**
 * A database schema as PostgreSQL's catalogue shows it, in one comparable shape: what
 * prisma/schema.prisma declares (prisma-schema-catalogue.ts) and what migrations built (database-catalogue.ts).
 */
export interface Catalogue {
  /** Enum type → its values, in order. */
  enums: Record<string, string[]>;
  /** `"Table"."column"` → `type NOT NULL DEFAULT expr`, as PostgreSQL formats type and default. */
  columns: Record<string, string>;
  /** Constraint name → `"Table" ("a", "b")`. */
  primaryKeys: Record<string, string>;
  /** Index name → `[UNIQUE ]"Table" [USING method ]("a", "b" DESC)`; unique constraints are unique indexes. */
  indexes: Record<string, string>;
  /** Constraint name → `"Table" ("a") REFERENCES "Other" ("id") ON DELETE … ON UPDATE …`. */
  foreignKeys: Record<string, string>;
  /** Any other constraint (check, exclusion, …): Prisma declares none. */
  otherConstraints: Record<string, string>;
}

export const quoted = (name: string) => `"${name}"`;
export const columnList = (names: readonly string[]) => `(${names.join(", ")})`;

function sectionDifferences(section: string, expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return keys.flatMap((key) => {
    const want = JSON.stringify(expected[key]);
    const got = JSON.stringify(actual[key]);
    if (want === got) return [];
    if (!(key in actual)) return [`${section} ${key}: missing from the database (schema: ${want})`];
    if (!(key in expected)) return [`${section} ${key}: not in the schema (database: ${got})`];
    return [`${section} ${key}: schema ${want}, database ${got}`];
  });
}

/** Every way the database differs from the schema, one line each; empty when they match. */
export function catalogueDifferences(expected: Catalogue, actual: Catalogue): string[] {
  const sections = Object.keys(expected) as Array<keyof Catalogue>;
  return sections.flatMap((section) => sectionDifferences(section, expected[section], actual[section]));
}
