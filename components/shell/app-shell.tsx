import Link from "next/link";
import { AccountSelector, type CurrentAccount } from "./account-selector";
import { ProfileMenu } from "./profile-menu";

interface AppShellProps {
  email: string;
  sandbox: boolean;
  currentAccount: CurrentAccount | null;
  /** Whether the member may link accounts; viewers get no "Add Cloud Account". */
  canAddAccounts: boolean;
  children: React.ReactNode;
}

/** The frame around signed-in pages: the account selector top right, the left panel with navigation, the profile menu at the bottom left. */
export function AppShell({ email, sandbox, currentAccount, canAddAccounts, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="px-5 py-4 text-base font-semibold text-brand-700">XOps 360 Portal</div>
        <nav aria-label="Main" className="flex-1 space-y-1 px-3">
          <Link href="/" className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Home
          </Link>
          <Link href="/integrations" className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Integrations
          </Link>
          <Link href="/members" className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Members
          </Link>
        </nav>
        <div className="border-t border-slate-200 p-3">
          <ProfileMenu email={email} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        {sandbox && (
          <div role="status" className="border-b border-amber-300 bg-amber-50 px-6 py-2 text-sm text-amber-900">
            Sandbox mode: AWS is the local emulator, not your AWS accounts. Set AWS credentials to connect real accounts.
          </div>
        )}
        <header className="flex items-center justify-end border-b border-slate-200 bg-white px-8 py-2">
          <AccountSelector current={currentAccount} canAdd={canAddAccounts} />
        </header>
        <main className="flex-1 px-8 py-6">{children}</main>
      </div>
    </div>
  );
}
