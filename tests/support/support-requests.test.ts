import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, supportRequests } from "@/db/schema";
import { listSupportRequests } from "@/lib/support/requests";
import { guardedSubmitSupportRequest } from "@/lib/support/guarded";
import { insertAccount, snapshotTables } from "../helpers/accounts";
import { openTestDatabase } from "../helpers/database";
import { testSession } from "../helpers/session";
import { createWorkspace, type TestWorkspace } from "../helpers/workspace";

interface ReceivedMail {
  from: string | undefined;
  to: string[];
  data: string;
}

let db: Database;
let closeDb: () => Promise<void>;
let workspace: TestWorkspace;
let smtp: SMTPServer;
let smtpPort: number;
const received: ReceivedMail[] = [];

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  // A tiny SMTP server on a loopback port that keeps what it receives.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await closeDb();
});

beforeEach(async () => {
  workspace = await createWorkspace(db, `owner-${Date.now()}@example.com`);
  testSession.userId = workspace.ownerId;
  received.length = 0;
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.XOPS_SUPPORT_EMAIL;
});

describe("support requests", () => {
  it("stores a request with its audit event when e-mail is not configured", async () => {
    const payer = await insertAccount(db, workspace.workspaceId, { name: "Payer" });

    const result = await guardedSubmitSupportRequest({ subject: "Delete management account", description: "Please remove it.", accountId: payer.id });

    expect(result).toEqual({
      ok: true,
      data: { id: expect.any(String), notified: { status: "not_configured" } },
      message: "Support request stored. E-mail notifications are not configured on this portal, so tell your operator about it.",
    });
    const [request] = await db.select().from(supportRequests).where(eq(supportRequests.workspaceId, workspace.workspaceId));
    expect(request).toMatchObject({ subject: "Delete management account", status: "open", cloudAccountId: payer.id, userId: workspace.ownerId });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.targetId, request!.id));
    expect(event?.action).toBe("support.requested");
    expect(event?.details).toMatchObject({ after: { subject: "Delete management account", accountId: payer.id, status: "open" } });
    expect(received).toEqual([]);
  });

  it("e-mails the support address when SMTP is configured", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    process.env.XOPS_SUPPORT_EMAIL = "support@example.com";
    const payer = await insertAccount(db, workspace.workspaceId, { name: "Payer", awsAccountId: "123456789012" });

    const result = await guardedSubmitSupportRequest({ subject: "Remove Payer", description: "It moved to another organization.", accountId: payer.id });

    expect(result.ok).toBe(true);
    expect(result.message).toBe("Support request stored, and support was notified at support@example.com.");
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["support@example.com"]);
    expect(received[0]?.data).toContain("Subject: [XOps 360 support] Remove Payer");
    expect(received[0]?.data).toContain("Account: Payer (123456789012, management account)");
    expect(received[0]?.data).toContain("It moved to another organization.");
  });

  it("keeps the request when the SMTP server is unreachable", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    process.env.XOPS_SUPPORT_EMAIL = "support@example.com";

    const result = await guardedSubmitSupportRequest({ subject: "Question", description: "Hello" });

    expect(result.ok).toBe(true);
    expect(result.message).toBe("Support request stored, but the e-mail to support failed. Tell your operator about it.");
    expect(await listSupportRequests(db, workspace.workspaceId, workspace.ownerId)).toHaveLength(1);
  });

  it("requires a subject and a description", async () => {
    const result = await guardedSubmitSupportRequest({ subject: "  ", description: "" });

    expect(result).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { subject: "Subject is required.", description: "Description is required. Say what you need and why." },
    });
  });

  it("rejects another workspace's account and stores nothing", async () => {
    const other = await createWorkspace(db);
    const theirs = await insertAccount(db, other.workspaceId, { name: "Theirs" });
    const before = await snapshotTables(db);

    const result = await guardedSubmitSupportRequest({ subject: "Delete", description: "x", accountId: theirs.id });

    expect(result.ok).toBe(false);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("lists only the member's own requests, newest first", async () => {
    await guardedSubmitSupportRequest({ subject: "First", description: "x" });
    await guardedSubmitSupportRequest({ subject: "Second", description: "x" });
    const other = await createWorkspace(db);
    testSession.userId = other.ownerId;
    await guardedSubmitSupportRequest({ subject: "Not mine", description: "x" });

    const listed = await listSupportRequests(db, workspace.workspaceId, workspace.ownerId);

    expect(listed.map((request) => [request.subject, request.status])).toEqual([
      ["Second", "open"],
      ["First", "open"],
    ]);
  });

  it("rejects a request without a session", async () => {
    testSession.userId = undefined;
    const before = await snapshotTables(db);

    const result = await guardedSubmitSupportRequest({ subject: "Hi", description: "x" });

    expect(result).toEqual({ ok: false, message: "Your session has ended. Sign in again to continue.", fieldErrors: undefined });
    expect(await snapshotTables(db)).toEqual(before);
  });
});
