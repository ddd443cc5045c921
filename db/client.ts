import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { logger } from "@/lib/logger";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: queries accept either. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Opens the database named by `url` and applies the committed migrations.
 * A `postgres://` URL uses the `postgres` driver; `pglite:<dir>` or `pglite:memory` uses embedded PGlite.
 */
export async function openDatabase(url: string): Promise<DatabaseHandle> {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    await migratePostgres(db, { migrationsFolder });
    return { db: db as unknown as Database, close: () => client.end() };
  }

  const location = url.replace(/^pglite:/, "");
  if (location !== "memory") mkdirSync(location, { recursive: true });
  const client = new PGlite(location === "memory" ? undefined : location);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Database, close: () => client.close() };
}

/** The URL of the portal's database: DATABASE_URL, or PGlite in the git-ignored `.data/pglite` folder. */
export function configuredDatabaseUrl(): string {
  return process.env.DATABASE_URL || `pglite:${path.join(process.cwd(), ".data", "pglite")}`;
}

// One handle per process. It lives on globalThis because Next.js loads this module in several bundles
// (proxy, pages, route handlers) of one server process, and two PGlite instances must never open the
// same data folder.
const globalKey = Symbol.for("xops360.database");
type GlobalWithDatabase = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> };

export function getDb(): Promise<Database> {
  const store = globalThis as GlobalWithDatabase;
  if (!store[globalKey]) {
    const url = configuredDatabaseUrl();
    store[globalKey] = openDatabase(url).then((handle) => {
      logger.info({ driver: url.startsWith("pglite:") ? "pglite" : "postgres" }, "database ready, migrations applied");
      return handle;
    });
    store[globalKey].catch(() => {
      delete store[globalKey];
    });
  }
  return store[globalKey].then((handle) => handle.db);
}

/** Replaces the process's database, for tests that open their own. */
export function setDatabaseForTests(handle: DatabaseHandle | undefined): void {
  const store = globalThis as GlobalWithDatabase;
  if (handle) store[globalKey] = Promise.resolve(handle);
  else delete store[globalKey];
}
