import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, setDatabaseForTests, type Database } from "@/db/client";

/**
 * Opens a fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_POSTGRES_URL when TEST_DATABASE=postgres. Returns the handle and a
 * function that closes it and drops the PostgreSQL database.
 */
export async function openTestDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (process.env.TEST_DATABASE !== "postgres") {
    const handle = await openDatabase("pglite:memory");
    setDatabaseForTests(handle);
    return { db: handle.db, close: handle.close };
  }

  const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `xops_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString());
  setDatabaseForTests(handle);
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
