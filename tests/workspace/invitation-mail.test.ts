import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendInvitationMail } from "@/lib/workspace/invitation-mail";

let smtp: SMTPServer;
const received: Array<{ to: string[]; data: string }> = [];

beforeAll(async () => {
  // A tiny SMTP server on a loopback port that keeps what it receives.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.XOPS_MAIL_FROM;
  received.length = 0;
});

const mail = {
  to: "jill@example.com",
  link: "https://portal.example.com/invite/abc123",
  role: "admin" as const,
  expiresAt: new Date("2026-12-07T10:30:00Z"),
  invitationId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
};

describe("sendInvitationMail", () => {
  it("e-mails the link when SMTP is configured", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env.XOPS_MAIL_FROM = "portal@example.com";

    expect(await sendInvitationMail(mail)).toBe("sent");

    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["jill@example.com"]);
    expect(received[0]?.data).toContain("Subject: You are invited to XOps 360 Portal");
    expect(received[0]?.data).toContain("Accept the invitation: https://portal.example.com/invite/abc123");
    expect(received[0]?.data).toContain("expires on 2026-12-07 10:30 UTC");
  });

  it("sends nothing without SMTP", async () => {
    expect(await sendInvitationMail(mail)).toBe("not_configured");
    expect(received).toEqual([]);
  });

  it("reports a server that cannot be reached", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    process.env.XOPS_MAIL_FROM = "portal@example.com";

    expect(await sendInvitationMail(mail)).toBe("failed");
  });
});
