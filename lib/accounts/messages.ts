/** Messages shared by the account actions: rename, delete, verify and select. */
export function accountNotFoundMessage(): string {
  return "The account was not found in this workspace. It may have been deleted: reload the page.";
}

export function managementNotDeletableMessage(name: string): string {
  return `"${name}" is a management account and cannot be deleted in the portal, because its linked accounts depend on it. Submit a support request to remove it.`;
}

export function confirmNameMismatchMessage(name: string): string {
  return `Type the account name "${name}" exactly to delete it.`;
}

export function deletedMessage(name: string): string {
  return `The account "${name}" was deleted.`;
}
