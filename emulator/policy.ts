/**
 * IAM policy evaluation for identity-based policies and role trust policies. Supported: Action and
 * NotAction, Resource and NotResource, Principal with AWS principals, the String, Arn, Bool and Null
 * condition operators (with IfExists), and explicit Deny over Allow.
 */

export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: "*" | Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface Caller {
  partition: string;
  accountId: string;
  /** ARN of the user, or of the role session (`arn:…:sts::…:assumed-role/Role/session`). */
  arn: string;
  /** ARN of the IAM role behind a role session. */
  roleArn?: string;
}

export interface EvaluationRequest {
  action: string;
  resource: string;
  /** Condition context values by lower-case key, for example `sts:externalid`. */
  context: Record<string, string | undefined>;
  /** Caller to match against `Principal`, set only when evaluating a resource-based (trust) policy. */
  caller?: Caller;
}

export type Decision = "allow" | "explicitDeny" | "implicitDeny";

export function parsePolicy(text: string): Statement[] {
  const document = JSON.parse(text) as { Statement?: Statement | Statement[] };
  return toList(document.Statement);
}

export function evaluate(statements: Statement[], request: EvaluationRequest): Decision {
  let allowed = false;
  for (const statement of statements) {
    if (!statementApplies(statement, request)) continue;
    if (statement.Effect === "Deny") return "explicitDeny";
    if (statement.Effect === "Allow") allowed = true;
  }
  return allowed ? "allow" : "implicitDeny";
}

/** Matches IAM wildcards: `*` is any run of characters and `?` any one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s").test(value);
}

function statementApplies(statement: Statement, request: EvaluationRequest): boolean {
  const actionMatches = (pattern: string) => wildcardMatch(pattern, request.action, true);
  const resourceMatches = (pattern: string) => wildcardMatch(pattern, request.resource);

  if (statement.Action !== undefined && !toList(statement.Action).some(actionMatches)) return false;
  if (statement.NotAction !== undefined && toList(statement.NotAction).some(actionMatches)) return false;
  if (statement.Action === undefined && statement.NotAction === undefined) return false;

  // Trust policies have no Resource element: the role itself is the resource.
  if (statement.Resource !== undefined && !toList(statement.Resource).some(resourceMatches)) return false;
  if (statement.NotResource !== undefined && toList(statement.NotResource).some(resourceMatches)) return false;

  if (request.caller && !principalMatches(statement.Principal, request.caller)) return false;
  return conditionsHold(statement.Condition ?? {}, request.context);
}

function principalMatches(principal: Statement["Principal"], caller: Caller): boolean {
  if (principal === undefined) return false;
  if (principal === "*") return true;

  return toList(principal.AWS).some((entry) => {
    if (entry === "*") return true;
    if (/^\d{12}$/.test(entry)) return entry === caller.accountId;
    if (entry === `arn:${caller.partition}:iam::${caller.accountId}:root`) return true;
    return entry === caller.arn || entry === caller.roleArn;
  });
}

function conditionsHold(
  condition: NonNullable<Statement["Condition"]>,
  context: Record<string, string | undefined>,
): boolean {
  for (const [rawOperator, entries] of Object.entries(condition)) {
    const ifExists = rawOperator.endsWith("IfExists");
    const operator = ifExists ? rawOperator.slice(0, -"IfExists".length) : rawOperator;

    for (const [key, expected] of Object.entries(entries)) {
      const actual = context[key.toLowerCase()];
      const values = toList(expected).map(String);
      if (!conditionHolds(operator, ifExists, actual, values)) return false;
    }
  }
  return true;
}

function conditionHolds(operator: string, ifExists: boolean, actual: string | undefined, values: string[]): boolean {
  if (operator === "Null") return values.some((value) => (value === "true") === (actual === undefined));
  if (actual === undefined) return ifExists || operator.includes("Not");

  switch (operator) {
    case "StringEquals":
    case "ArnEquals":
      return values.includes(actual);
    case "StringNotEquals":
    case "ArnNotEquals":
      return !values.includes(actual);
    case "StringEqualsIgnoreCase":
      return values.some((value) => value.toLowerCase() === actual.toLowerCase());
    case "StringNotEqualsIgnoreCase":
      return !values.some((value) => value.toLowerCase() === actual.toLowerCase());
    case "StringLike":
    case "ArnLike":
      return values.some((value) => wildcardMatch(value, actual));
    case "StringNotLike":
    case "ArnNotLike":
      return !values.some((value) => wildcardMatch(value, actual));
    case "Bool":
      return values.some((value) => value.toLowerCase() === actual.toLowerCase());
    default:
      // An operator the emulator does not know never holds, so unknown conditions fail closed.
      return false;
  }
}

function toList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
