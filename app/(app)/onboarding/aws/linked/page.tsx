import { redirect } from "next/navigation";
import { LinkAccountPage } from "@/components/accounts/link-account-page";
import { requirePageMember } from "@/lib/auth/page-context";
import { hasManagementAccount } from "@/lib/accounts/queries";
import { normalizePasted } from "@/lib/aws/role-arn";

export default async function LinkLinkedAccountPage({ searchParams }: { searchParams: Promise<{ roleArn?: string }> }) {
  const { db, member } = await requirePageMember();
  if (!(await hasManagementAccount(db, member.workspaceId))) redirect("/onboarding/aws");

  // A "Link" action on an organization member fills in the ARN of the role the StackSet created.
  const { roleArn } = await searchParams;
  return <LinkAccountPage accountType="linked" roleArn={roleArn ? normalizePasted(roleArn).slice(0, 2048) : undefined} />;
}
