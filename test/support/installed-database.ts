import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/lib/db";
import { installDatabase, uninstallDatabase, type DatabaseTarget } from "./databases";

/** For one describe block: the process database on `target`, installed before its tests and removed after. */
export function useInstalledDatabase(target: DatabaseTarget): { readonly database: Database } {
  const setup = {} as { database: Database };
  beforeAll(async () => {
    setup.database = await installDatabase(target);
  });
  afterAll(() => uninstallDatabase(target));
  return setup;
}
