import { readFileSync } from "node:fs";
import path from "node:path";

/** Just enough of prisma/schema.prisma to check a migrated database against it. */
export interface SchemaColumn {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  unique: boolean;
}

export interface PrismaSchemaSummary {
  models: Map<string, SchemaColumn[]>;
  enums: Map<string, string[]>;
}

const BLOCK = /^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm;

export function readPrismaSchema(file = path.resolve(process.cwd(), "prisma", "schema.prisma")): PrismaSchemaSummary {
  const text = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const blocks = [...text.matchAll(BLOCK)];
  const modelNames = new Set(blocks.filter((b) => b[1] === "model").map((b) => b[2]));
  const enums = new Map<string, string[]>();
  const models = new Map<string, SchemaColumn[]>();
  for (const [, kind, name, body] of blocks) {
    const lines = body.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("@@"));
    if (kind === "enum") {
      enums.set(name, lines.map((line) => line.match(/@map\("([^"]+)"\)/)?.[1] ?? line.split(/\s+/)[0]));
      continue;
    }
    const columns = lines
      .map((line) => line.match(/^(\w+)\s+(\w+)(\?|\[\])?(.*)$/))
      .filter((m): m is RegExpMatchArray => Boolean(m) && !modelNames.has(m![2]))
      .map((m) => ({ name: m[1], type: m[2], optional: m[3] === "?", list: m[3] === "[]", unique: /@unique\b/.test(m[4]) }));
    models.set(name, columns);
  }
  return { models, enums };
}
