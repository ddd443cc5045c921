/**
 * AWS Organizations (awsJson1_1, target prefix AWSOrganizationsV20161128): the read operations the
 * portal uses to check a management account and list its members.
 */
import type { CallContext, ServiceDefinition } from "../context";
import { decide } from "../context";
import { AwsError } from "../errors";
import { accountArn, findMember, organizationOf, renderAccount, renderOrganization } from "../organizations";
import type { Params } from "../protocol";
import type { Organization } from "../types";

/** Default and maximum page size of ListAccounts, from the MaxResults range (1 to 20) in the service model. */
const MAX_RESULTS = 20;

function notInUse(): AwsError {
  return new AwsError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 400);
}

/** Organizations answers both an IAM denial and a call only the management account may make with this error. */
function accessDenied(): AwsError {
  return new AwsError("AccessDeniedException", "You don't have permissions to access this resource.", 400);
}

// NOTE: the InvalidInputException messages are the reason descriptions of the service model's
// documentation. The text AWS sends for each reason may differ.
function invalidInput(reason: string, message: string): AwsError {
  return new AwsError("InvalidInputException", message, 400, "Sender", { Reason: reason });
}

/**
 * Checks the caller's IAM permissions for the action, then returns the caller's organization.
 * IAM is evaluated first, so a denied caller outside any organization gets AccessDeniedException.
 */
function authorizedOrganization(context: CallContext, action: string, resource: (organization: Organization) => string): Organization {
  const { principal, store } = context;
  const organization = organizationOf(store, principal.partition, principal.accountId);
  if (decide(context, action, organization ? resource(organization) : "*") !== "allow") throw accessDenied();
  if (!organization) throw notInUse();
  return organization;
}

/** Throws unless the caller is the management account, because members may not list or describe accounts. */
function requireManagementAccount(context: CallContext, organization: Organization): void {
  if (context.principal.accountId !== organization.managementAccountId) throw accessDenied();
}

function describeOrganization(context: CallContext): object {
  const organization = authorizedOrganization(context, "organizations:DescribeOrganization", () => "*");
  return { Organization: renderOrganization(organization) };
}

function listAccounts(context: CallContext, params: Params): object {
  const organization = authorizedOrganization(context, "organizations:ListAccounts", () => "*");
  requireManagementAccount(context, organization);

  const maxResults = params.MaxResults ?? MAX_RESULTS;
  if (typeof maxResults !== "number" || !Number.isInteger(maxResults)) {
    throw new AwsError("SerializationException", `MaxResults must be an integer, not ${JSON.stringify(maxResults)}.`, 400);
  }
  if (maxResults < 1) throw invalidInput("MIN_VALUE_EXCEEDED", "You provided a numeric parameter that has a smaller value than allowed.");
  if (maxResults > MAX_RESULTS) throw invalidInput("MAX_VALUE_EXCEEDED", "You provided a numeric parameter that has a larger value than allowed.");

  const offset = parseNextToken(params.NextToken, organization);
  const end = offset + maxResults;
  const page = organization.accounts.slice(offset, end).map((account) => renderAccount(organization, account));
  const nextToken = end < organization.accounts.length ? encodeNextToken(organization, end) : undefined;
  return { Accounts: page, NextToken: nextToken };
}

function describeAccount(context: CallContext, params: Params): object {
  const accountId = params.AccountId;
  if (accountId === undefined || accountId === null) throw invalidInput("INPUT_REQUIRED", "You must include a value for all required parameters.");
  if (typeof accountId !== "string" || !/^\d{12}$/.test(accountId)) {
    throw invalidInput("INVALID_PATTERN", "You provided a value that doesn't match the required pattern.");
  }

  const organization = authorizedOrganization(context, "organizations:DescribeAccount", (found) => accountArn(found, accountId));
  requireManagementAccount(context, organization);
  const account = findMember(organization, accountId);
  if (!account) throw new AwsError("AccountNotFoundException", "You specified an account that doesn't exist.", 400);
  return { Account: renderAccount(organization, account) };
}

/** NextToken is opaque to clients: the organization ID and the offset of the next page, base64url-encoded. */
function encodeNextToken(organization: Organization, offset: number): string {
  return Buffer.from(JSON.stringify({ organization: organization.id, offset })).toString("base64url");
}

function parseNextToken(token: unknown, organization: Organization): number {
  if (token === undefined || token === null) return 0;

  const invalid = invalidInput("INVALID_NEXT_TOKEN", "You specified an invalid value for nextToken.");
  if (typeof token !== "string") throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  const { organization: id, offset } = (decoded ?? {}) as { organization?: unknown; offset?: unknown };
  if (id !== organization.id || typeof offset !== "number" || !Number.isInteger(offset) || offset < 0) throw invalid;
  return offset;
}

export const organizations: ServiceDefinition = {
  signingName: "organizations",
  version: "2016-11-28",
  xmlNamespace: "",
  operations: { DescribeOrganization: describeOrganization, ListAccounts: listAccounts, DescribeAccount: describeAccount },
  // NOTE: the message is the exception's description in the service model; AWS's own text may differ.
  throttlingError: () =>
    new AwsError(
      "TooManyRequestsException",
      "You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later.",
      400,
    ),
  jsonMessageKey: "Message",
};
