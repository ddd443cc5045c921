import nodemailer from "nodemailer";
import type { CloudAccount } from "@/db/schema";
import { logger } from "@/lib/logger";

export type NotifyResult = { status: "sent"; to: string } | { status: "not_configured" } | { status: "failed" };

export interface SupportNotification {
  id: string;
  workspaceId: string;
  userEmail: string;
  subject: string;
  description: string;
  account: CloudAccount | undefined;
}

/**
 * Reads the operator's mail settings: SMTP_URL (for example smtp://user:password@mail.example.com:587) and the
 * support address XOPS_SUPPORT_EMAIL. Both must be set for e-mail to be sent. XOPS_MAIL_FROM defaults
 * to the support address.
 */
export function mailSettings() {
  const smtpUrl = process.env.SMTP_URL || undefined;
  const supportEmail = process.env.XOPS_SUPPORT_EMAIL || undefined;
  if (!smtpUrl || !supportEmail) return undefined;
  return { smtpUrl, supportEmail, from: process.env.XOPS_MAIL_FROM || supportEmail };
}

/** E-mails a new support request to the support address. Send errors are logged and returned, not thrown, because the request is already stored. */
export async function notifySupport(request: SupportNotification): Promise<NotifyResult> {
  const settings = mailSettings();
  const log = logger.child({ event: "support_notify", workspaceId: request.workspaceId, supportRequestId: request.id });
  if (!settings) {
    log.info("support e-mail skipped: SMTP_URL or XOPS_SUPPORT_EMAIL is unset");
    return { status: "not_configured" };
  }

  const account = request.account ? `${request.account.name} (${request.account.awsAccountId}, ${request.account.awsAccountType} account)` : "none";
  try {
    const transport = nodemailer.createTransport(settings.smtpUrl);
    await transport.sendMail({
      from: settings.from,
      to: settings.supportEmail,
      subject: `[XOps 360 support] ${request.subject}`,
      text: [`Support request ${request.id}`, `Workspace: ${request.workspaceId}`, `Submitted by: ${request.userEmail}`, `Account: ${account}`, "", request.description].join("\n"),
    });
    log.info({ to: settings.supportEmail }, "support e-mail sent");
    return { status: "sent", to: settings.supportEmail };
  } catch (error) {
    log.error({ err: error }, "support e-mail failed");
    return { status: "failed" };
  }
}
