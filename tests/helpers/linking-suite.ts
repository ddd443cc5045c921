import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { Database } from "@/db/client";
import { startTestAws, type TestAws } from "./aws";
import { openTestDatabase } from "./database";
import { testSession } from "./session";
import { createWorkspace, type TestWorkspace } from "./workspace";

export interface LinkingSuite {
  db: Database;
  aws: TestAws;
  /** A new workspace for each test, with its owner signed in. */
  workspace: TestWorkspace;
}

/**
 * Registers the hooks of a test file that links AWS accounts: a fresh database and AWS emulator for the
 * file, and before each test a new workspace with its owner signed in, no AccessDenied retries and the
 * run's baseline faults. Read the fields inside hooks and tests, after they are set.
 */
export function setUpLinkingSuite(): LinkingSuite {
  const suite = {} as LinkingSuite;
  let closeDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await openTestDatabase();
    suite.db = database.db;
    closeDb = database.close;
    suite.aws = await startTestAws();
  });

  afterAll(async () => {
    await suite.aws?.close();
    await closeDb?.();
  });

  beforeEach(async () => {
    suite.workspace = await createWorkspace(suite.db);
    testSession.userId = suite.workspace.ownerId;
    process.env.XOPS_ASSUME_ROLE_RETRY_SECONDS = "0";
  });

  afterEach(async () => {
    await suite.aws.resetFaults();
  });

  return suite;
}
