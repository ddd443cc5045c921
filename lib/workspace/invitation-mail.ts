import nodemailer from "nodemailer";
import type { MemberRole } from "@/db/schema";
import { logger } from "@/lib/logger";

export interface InvitationMail {
  to: string;
  /** The invitation link, `<portal URL>/invite/<token>`. */
  link: string;
  role: MemberRole;
  expiresAt: Date;
  invitationId: string;
}

export type InvitationMailResult = "sent" | "not_configured" | "failed";

/**
 * E-mails an invitation link when SMTP_URL and a sender (XOPS_MAIL_FROM, else XOPS_SUPPORT_EMAIL) are
 * set. Send errors are logged and returned, not thrown: the invitation exists, and the owner still
 * gets the link to copy.
 */
export async function sendInvitationMail(mail: InvitationMail): Promise<InvitationMailResult> {
  const smtpUrl = process.env.SMTP_URL || undefined;
  const from = process.env.XOPS_MAIL_FROM || process.env.XOPS_SUPPORT_EMAIL || undefined;
  const log = logger.child({ event: "invitation_mail", invitationId: mail.invitationId });
  if (!smtpUrl || !from) return "not_configured";

  try {
    await nodemailer.createTransport(smtpUrl).sendMail({
      from,
      to: mail.to,
      subject: "You are invited to XOps 360 Portal",
      text: [
        `You are invited to a workspace of XOps 360 Portal as ${mail.role}.`,
        "",
        `Accept the invitation: ${mail.link}`,
        "",
        `The link works once and expires on ${mail.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Sign in or sign up with this e-mail address to accept it.`,
      ].join("\n"),
    });
    log.info("invitation e-mail sent");
    return "sent";
  } catch (error) {
    log.error({ err: error }, "invitation e-mail failed");
    return "failed";
  }
}
