import { AccountOverview } from "@/components/accounts/account-overview";
import { requirePageMember } from "@/lib/auth/page-context";
import { currentAccount } from "@/lib/accounts/current";

export default async function HomePage() {
  const { db, member } = await requirePageMember();
  const account = await currentAccount(db, member);

  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Home</h1>
      {account ? <AccountOverview account={account} /> : <p>No cloud account is connected yet.</p>}
    </div>
  );
}
