/**
 * The user the test session reports as signed in; undefined means signed out. tests/setup.ts replaces
 * the Auth.js session lookup with it, so server actions run their real guard without a browser cookie.
 */
export const testSession: { userId: string | undefined } = { userId: undefined };
