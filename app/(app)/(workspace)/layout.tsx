import { redirect } from "next/navigation";
import { requirePageMember } from "@/lib/auth/page-context";
import { countAccounts } from "@/lib/accounts/queries";

/** Pages of a workspace with at least one cloud account; until one is connected, onboarding comes first. */
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const { db, member } = await requirePageMember();
  if ((await countAccounts(db, member.workspaceId)) === 0) redirect("/onboarding");
  return children;
}
