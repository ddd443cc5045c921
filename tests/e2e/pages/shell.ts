import type { Page } from "playwright-core";

/** The frame around signed-in pages: the "Select account" dropdown and the profile menu. */
export class Shell {
  constructor(private readonly page: Page) {}

  async signOut() {
    await this.page.getByRole("button", { name: /Profile menu/ }).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/signin/);
  }

  async openProfileAccounts() {
    await this.page.getByRole("button", { name: /Profile menu/ }).click();
    await this.page.getByRole("menuitem", { name: "Accounts" }).click();
  }

  selectorButton() {
    return this.page.getByRole("button", { name: /^Select account/ });
  }

  /** Opens the selector and types a search; returns the listbox of results. */
  async searchAccounts(query: string) {
    await this.selectorButton().click();
    const search = this.page.getByRole("combobox", { name: "Search accounts" });
    await search.fill(query);
    return this.page.getByRole("listbox", { name: "Accounts" });
  }

  /** Searches for an account and selects it with the keyboard: arrow keys to the option, then Enter. */
  async switchAccountWithKeyboard(query: string, name: string) {
    const list = await this.searchAccounts(query);
    const option = list.getByRole("option", { name: new RegExp(`^${name}`) });
    await option.waitFor();
    const search = this.page.getByRole("combobox", { name: "Search accounts" });
    for (let step = 0; step < 20; step++) {
      const active = await search.getAttribute("aria-activedescendant");
      if (active && active === (await option.getAttribute("id"))) break;
      await search.press("ArrowDown");
    }
    await search.press("Enter");
  }
}
