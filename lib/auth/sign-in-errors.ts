import { SSO_DENIALS } from "./sso";

const OPERATOR_LOG = "If it keeps failing, the portal's operator can find the cause in the server log.";

const MESSAGES: Record<string, string> = {
  [SSO_DENIALS.notSetUp]:
    "Your organization has not been set up in XOps 360 yet, so your sign-in did not open any workspace. Ask an owner of your workspace for an invitation, or ask your administrator to map your e-mail domain or group to a workspace.",
  [SSO_DENIALS.noEmail]:
    "Your identity provider did not send an e-mail address. Ask your administrator to release the email claim to XOps 360.",
  [SSO_DENIALS.unverifiedEmail]:
    "Your identity provider did not confirm that your e-mail address is verified, and a user with this address already exists. Ask your administrator to send the email_verified claim, or sign in with your password.",
  [SSO_DENIALS.unverifiedLocalUser]:
    "A local account with your e-mail address already exists, and its address was never verified, so single sign-on cannot use it. Sign in with that account's password, or ask the portal's operator to remove the local account.",
  [SSO_DENIALS.unverifiedNewUser]:
    "Your identity provider did not confirm that your e-mail address is verified, so the portal cannot create your user. Ask your administrator to send the email_verified claim, or, for a provider that issues only addresses of its own tenant, to set AUTH_OIDC_TRUST_EMAIL=1.",
  [SSO_DENIALS.ambiguousMapping]:
    "Your e-mail domain and groups are mapped to more than one workspace, so the portal cannot choose one. Ask your administrator to correct the SSO mappings.",
  "no-workspace": "Your user is not a member of any workspace. Ask a workspace owner to invite you.",
  AccessDenied: "Sign-in was rejected. Ask an owner of your workspace for an invitation.",
  Configuration: `Sign-in failed because of a server configuration problem. ${OPERATOR_LOG}`,
  Verification: "The sign-in link is no longer valid. Sign in again.",
};

/** Returns the message for `/signin?error=<code>`, for the portal's SSO denials and Auth.js's error codes. */
export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return MESSAGES[code] ?? `Sign-in failed. Try again. ${OPERATOR_LOG}`;
}
