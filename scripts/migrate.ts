// Applies the committed migrations to DATABASE_URL (or the embedded PGlite folder), for release pipelines.
import { configuredDatabaseUrl, openDatabase } from "../db/client";

const url = configuredDatabaseUrl();
const handle = await openDatabase(url);
await handle.close();
console.log(`Migrations applied to ${url.startsWith("pglite:") ? url : "DATABASE_URL"}`);
