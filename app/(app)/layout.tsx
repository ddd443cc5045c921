import { AppShell } from "@/components/shell/app-shell";
import { currentAccount } from "@/lib/accounts/current";
import { requirePageMember } from "@/lib/auth/page-context";
import { awsSettings } from "@/lib/aws/config";
import { canEditAccounts } from "@/lib/workspace/members";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { db, member, email } = await requirePageMember();
  const account = await currentAccount(db, member);
  const selected = account ? { id: account.id, name: account.name, awsAccountId: account.awsAccountId } : null;

  return (
    <AppShell email={email} sandbox={awsSettings().sandbox} currentAccount={selected} canAddAccounts={canEditAccounts(member.role)}>
      {children}
    </AppShell>
  );
}
