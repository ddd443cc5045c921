import type { Page } from "playwright-core";

/** "Members": the workspace's members, pending invitations and, for owners, "Invite member". */
export class MembersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/members");
    await this.page.getByRole("heading", { name: "Members", exact: true }).waitFor();
  }

  /** Reads the role in a member's row: the role select's value for owners, the text for others. */
  async roleOf(email: string): Promise<string> {
    const row = this.page.getByRole("table", { name: "Workspace members" }).getByRole("row").filter({ hasText: email });
    const select = row.getByRole("combobox");
    if ((await select.count()) > 0) return select.inputValue();
    return (await row.getByRole("cell").nth(1).innerText()).trim().toLowerCase();
  }

  /** Invites an e-mail and returns the invitation link the page shows once. */
  async invite(email: string, role: "Owner" | "Admin" | "Viewer"): Promise<string> {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Role", { exact: true }).selectOption({ label: role });
    await this.page.getByRole("button", { name: "Invite", exact: true }).click();
    const link = this.page.getByLabel("Invitation link", { exact: true });
    await link.waitFor();
    return (await link.innerText()).trim();
  }

  async remove(email: string) {
    await this.page.getByRole("button", { name: `Remove ${email}` }).click();
    await this.page.getByRole("dialog", { name: "Remove member" }).getByRole("button", { name: "Remove member" }).click();
    await this.page.getByText(`${email} was removed from the workspace and signed out everywhere.`).waitFor();
  }
}
