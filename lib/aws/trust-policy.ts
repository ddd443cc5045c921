export type TrustPolicyCheck = { ok: true } | { ok: false; principals: string[] };

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Principal?: string | Record<string, string | string[]>;
  NotPrincipal?: unknown;
}

const ASSUME_ROLE_ACTIONS = new Set(["sts:AssumeRole", "sts:*", "*"]);

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
    if (statement.Effect !== "Allow" || !allowsAssumeRole(statement.Action)) continue;
    if (statement.NotPrincipal) others.add("NotPrincipal (everyone except the named principals)");
    for (const principal of principalsOf(statement.Principal)) {
      if (principal !== principalArn) others.add(principal);
    }
  }
  return others.size === 0 ? { ok: true } : { ok: false, principals: [...others] };
}

function allowsAssumeRole(action: Statement["Action"]): boolean {
  const actions = Array.isArray(action) ? action : [action ?? ""];
  return actions.some((candidate) => ASSUME_ROLE_ACTIONS.has(candidate));
}

function principalsOf(principal: Statement["Principal"]): string[] {
  if (principal === undefined) return [];
  if (typeof principal === "string") return [principal];
  return Object.entries(principal).flatMap(([kind, values]) => (Array.isArray(values) ? values : [values]).map((value) => (kind === "AWS" ? value : `${kind}: ${value}`)));
}
