import { AwsError } from "./errors";
import type { Principal } from "./identity";
import { identityStatements } from "./identity";
import type { Decision } from "./policy";
import { evaluate } from "./policy";
import type { Params } from "./protocol";
import type { Store } from "./state";

/** Everything an operation handler needs about the current call. */
export interface CallContext {
  store: Store;
  principal: Principal;
  /** Signing region of the request, which is the region a call to a regional service acts in. */
  region: string;
  requestId: string;
  settings: EmulatorSettings;
}

export interface EmulatorSettings {
  /** Time a new stack stays CREATE_IN_PROGRESS, and a deleted one DELETE_IN_PROGRESS, in ms. */
  stackCreateDelayMs: number;
}

/** Handles one operation and returns its result structure, or undefined for operations without output. */
export type Operation = (context: CallContext, params: Params) => object | undefined | Promise<object | undefined>;

export interface ServiceDefinition {
  /** Service name in the SigV4 credential scope. */
  signingName: string;
  version: string;
  xmlNamespace: string;
  operations: Record<string, Operation>;
  /** Runs before every operation, after authentication, and throws to reject the call. */
  beforeOperation?: (context: CallContext) => void;
  /** Error returned when the throttling fault hits a call. Default: `Throttling`, "Rate exceeded". */
  throttlingError?: () => AwsError;
  /** Key of the message in a JSON error body. Default `message`. */
  jsonMessageKey?: "message" | "Message";
}

/**
 * Throws AccessDenied unless the caller's identity-based policies allow the action on the resource.
 * `messageResource` is how AWS names the resource in the message. Omit it for calls without a resource.
 */
export function authorize(context: CallContext, action: string, resourceArn: string, messageResource?: string): void {
  const decision = decide(context, action, resourceArn);
  if (decision === "allow") return;

  const { principal } = context;
  const onResource = messageResource === undefined ? "" : ` on resource: ${messageResource}`;
  const reason =
    decision === "explicitDeny"
      ? "with an explicit deny in an identity-based policy"
      : `because no identity-based policy allows the ${action} action`;
  throw new AwsError(
    "AccessDenied",
    `User: ${principal.arn} is not authorized to perform: ${action}${onResource} ${reason}`,
    403,
  );
}

/** Evaluates the caller's identity-based policies for an action on a resource. */
export function decide(context: CallContext, action: string, resourceArn: string): Decision {
  const statements = identityStatements(context.store, context.principal);
  const { principal } = context;
  return evaluate(statements, {
    action,
    resource: resourceArn,
    context: {
      "aws:principalarn": principal.role?.arn ?? principal.arn,
      "aws:principalaccount": principal.accountId,
      "aws:requestedregion": context.region,
    },
  });
}
