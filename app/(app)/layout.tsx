import { AppShell } from "@/components/shell/app-shell";
import { requirePageMember } from "@/lib/auth/page-context";
import { awsSettings } from "@/lib/aws/config";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { email } = await requirePageMember();
  return (
    <AppShell email={email} sandbox={awsSettings().sandbox}>
      {children}
    </AppShell>
  );
}
