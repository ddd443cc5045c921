export type TrustPolicyCheck =
  | { ok: true }
  | { ok: false; reason: "principals"; principals: string[] }
  | { ok: false; reason: "external_id_condition" };

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Principal?: string | Record<string, string | string[]>;
  NotPrincipal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

// Ways to assume a role. The web-identity and SAML forms ignore the External ID, so any principal they
// name is one the External ID does not stop.
const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

/**
 * Checks that the role's trust policy lets only the portal's own principal assume it, and only with
 * this workspace's External ID compared exactly. The External ID is shown to every member of a
 * workspace, so a role that also trusts "*" or another principal, or whose condition accepts other
 * External IDs (StringLike, StringNotLike, ...), could be used by others. IAM returns the document
 * URL-encoded; a document that cannot be read fails the check.
 */
export function checkTrustPolicy(encodedDocument: string | undefined, principalArn: string, externalId: string): TrustPolicyCheck {
  let statements: Statement[];
  try {
    const document = JSON.parse(decodeURIComponent(encodedDocument ?? "")) as { Statement?: Statement | Statement[] };
    statements = asList(document.Statement);
  } catch {
    return { ok: false, reason: "principals", principals: ["(the trust policy could not be read)"] };
  }

  const others = new Set<string>();
  let conditionExact = true;
  for (const statement of statements) {
    // IAM accepts only "Allow" and "Deny"; any other spelling is treated as a grant, to be safe.
    if (statement.Effect === "Deny" || !allowsAssume(statement)) continue;
    if (statement.NotPrincipal) others.add("NotPrincipal (everyone except the named principals)");
    for (const principal of principalsOf(statement.Principal)) {
      if (principal !== principalArn) others.add(principal);
    }
    if (!requiresExactExternalId(statement.Condition, externalId)) conditionExact = false;
  }

  if (others.size > 0) return { ok: false, reason: "principals", principals: [...others] };
  return conditionExact ? { ok: true } : { ok: false, reason: "external_id_condition" };
}

// The condition must be exactly StringEquals {"sts:ExternalId": "<this workspace's ID>"}, and no other
// operator may name sts:ExternalId, because StringLike or StringNotLike can admit other workspaces' IDs.
function requiresExactExternalId(condition: Statement["Condition"], externalId: string): boolean {
  let exact = false;
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, value] of Object.entries(keys ?? {})) {
      if (key.toLowerCase() !== "sts:externalid") continue;
      const values = Array.isArray(value) ? value : [value];
      if (operator !== "StringEquals" || values.length !== 1 || values[0] !== externalId) return false;
      exact = true;
    }
  }
  return exact;
}

// IAM matches actions ignoring case, with * and ? as wildcards, so "sts:Assume*" grants sts:AssumeRole.
function actionPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
}

function allowsAssume(statement: Statement): boolean {
  const matches = (patterns: string[], action: string) => patterns.some((pattern) => actionPattern(pattern).test(action));

  // NotAction grants every action it does not name.
  if (statement.NotAction !== undefined) return ASSUME_ACTIONS.some((action) => !matches(asList(statement.NotAction), action));
  return ASSUME_ACTIONS.some((action) => matches(asList(statement.Action), action));
}

// Policy fields may be one value or a list of them.
function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function principalsOf(principal: Statement["Principal"]): string[] {
  if (principal === undefined) return [];
  if (typeof principal === "string") return [principal];
  return Object.entries(principal).flatMap(([kind, values]) => asList(values).map((value) => (kind === "AWS" ? value : `${kind}: ${value}`)));
}
