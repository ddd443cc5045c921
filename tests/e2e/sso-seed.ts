import { openDatabase } from "@/db/client";
import { cloudAccounts } from "@/db/schema";
import { signUpLocalUser } from "@/lib/auth/sign-up";

export interface SsoWorkspaceSeed {
  workspaceId: string;
  ownerEmail: string;
  ownerPassword: string;
  accountName: string;
}

/**
 * Writes the workspace the SSO browser tests sign in to into the portal's database before the portal
 * opens it: a local owner and one management account, so members land on Home rather than onboarding.
 * The SSO mappings name this workspace's ID, which must exist before the portal starts.
 */
export async function seedSsoWorkspace(databaseUrl: string): Promise<SsoWorkspaceSeed> {
  const handle = await openDatabase(databaseUrl);
  const ownerEmail = "owner@acme.test";
  const ownerPassword = "acme owner password";
  const accountName = "Acme payer";
  try {
    const created = await signUpLocalUser(handle.db, { email: ownerEmail, password: ownerPassword });
    if (!created.ok) throw new Error(created.message);
    const { workspaceId, userId } = created.data;

    await handle.db.insert(cloudAccounts).values({
      workspaceId,
      awsAccountType: "management",
      name: accountName,
      awsAccountId: "111122223333",
      roleArn: "arn:aws:iam::111122223333:role/XOps360Integration",
      partition: "aws",
      lastVerifiedAt: new Date(),
      createdBy: userId,
    });
    return { workspaceId, ownerEmail, ownerPassword, accountName };
  } finally {
    await handle.close();
  }
}
