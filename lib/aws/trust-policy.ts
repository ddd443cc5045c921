export type TrustPolicyCheck = { ok: true } | { ok: false; principals: string[] };

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Principal?: string | Record<string, string | string[]>;
  NotPrincipal?: unknown;
}


/**
 * Checks that the role's trust policy lets only the portal's own principal assume it. The External ID
 * is shown to every member of a workspace and appears in the setup commands, so it is not a secret: a
 * role that also trusts "*", an account root or another principal could be assumed by others who learn
 * it. IAM returns the document URL-encoded; a document that cannot be read fails the check.
 */
export function checkTrustPolicy(encodedDocument: string | undefined, principalArn: string): TrustPolicyCheck {
  let statements: Statement[];
  try {
    const document = JSON.parse(decodeURIComponent(encodedDocument ?? "")) as { Statement?: Statement | Statement[] };
    statements = Array.isArray(document.Statement) ? document.Statement : document.Statement ? [document.Statement] : [];
  } catch {
    return { ok: false, principals: ["(the trust policy could not be read)"] };
  }

  const others = new Set<string>();
  for (const statement of statements) {
    if (statement.Effect !== "Allow" || !allowsAssumeRole(statement)) continue;
    if (statement.NotPrincipal) others.add("NotPrincipal (everyone except the named principals)");
    for (const principal of principalsOf(statement.Principal)) {
      if (principal !== principalArn) others.add(principal);
    }
  }
  return others.size === 0 ? { ok: true } : { ok: false, principals: [...others] };
}

// IAM matches actions ignoring case, with * and ? as wildcards, so "sts:Assume*" grants sts:AssumeRole.
function matchesAssumeRole(pattern: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
  return regex.test("sts:AssumeRole");
}

function allowsAssumeRole(statement: Statement): boolean {
  const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some(matchesAssumeRole);
  return list(statement.Action).some(matchesAssumeRole);
}

function principalsOf(principal: Statement["Principal"]): string[] {
  if (principal === undefined) return [];
  if (typeof principal === "string") return [principal];
  return Object.entries(principal).flatMap(([kind, values]) => (Array.isArray(values) ? values : [values]).map((value) => (kind === "AWS" ? value : `${kind}: ${value}`)));
}
