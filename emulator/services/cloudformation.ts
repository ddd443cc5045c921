/** AWS CloudFormation: stacks live in the signing region of the call that created them. */
import { createStack, deleteStack } from "../cloudformation/engine";
import type { ParameterInput } from "../cloudformation/parameters";
import { findStack, paginate, renderEvent, renderStack, renderSummary, stackNotFound, stackResourceArn } from "../cloudformation/stacks";
import type { CallContext, ServiceDefinition } from "../context";
import { authorize } from "../context";
import { AwsError, validationError } from "../errors";
import type { Params } from "../protocol";
import { listParam, stringParam } from "../protocol";
import type { Account, Tag } from "../types";
import { validate } from "../validation";

function callerAccount(context: CallContext): Account {
  const account = context.store.account(context.principal.partition, context.principal.accountId);
  if (!account) throw new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
  return account;
}

/** Authorizes an action on one stack, named by name or ID, and returns the stack if it exists. */
function authorizeOnStack(context: CallContext, action: string, nameOrId: string) {
  const account = callerAccount(context);
  const arn = stackResourceArn(account, context.region, nameOrId);
  authorize(context, action, arn, arn);
  return findStack(account, context.region, nameOrId);
}

function createStackOperation(context: CallContext, params: Params): object {
  const name = stringParam(params, "StackName");
  validate([
    { member: "stackName", value: name, required: true, maxLength: 128, pattern: "[a-zA-Z][-a-zA-Z0-9]*", regex: /^[a-zA-Z][-a-zA-Z0-9]*$/ },
  ]);
  const account = callerAccount(context);
  const arn = `arn:${account.partition}:cloudformation:${context.region}:${account.id}:stack/${name}/*`;
  authorize(context, "cloudformation:CreateStack", arn, arn);

  if (findStack(account, context.region, name!)) {
    throw new AwsError("AlreadyExistsException", `Stack [${name}] already exists`, 400);
  }
  const templateBody = stringParam(params, "TemplateBody");
  if (templateBody === undefined) {
    // NOTE: TemplateURL (a template in S3) is not supported, because the emulator has no S3.
    throw validationError(
      stringParam(params, "TemplateURL") === undefined
        ? "Either Template URL or Template Body must be specified."
        : "TemplateURL is not supported by the XOps 360 AWS emulator; pass the template in TemplateBody.",
    );
  }

  const stack = createStack(
    context.store,
    account,
    context.region,
    {
      name: name!,
      templateBody,
      parameters: listParam<ParameterInput>(params, "Parameters"),
      capabilities: listParam<string>(params, "Capabilities"),
      tags: listParam<Tag>(params, "Tags"),
    },
    context.settings.stackCreateDelayMs,
  );
  return { StackId: stack.stackId };
}

function describeStacksOperation(context: CallContext, params: Params): object {
  const nameOrId = stringParam(params, "StackName");
  if (nameOrId !== undefined) {
    const stack = authorizeOnStack(context, "cloudformation:DescribeStacks", nameOrId);
    if (!stack) throw stackNotFound(nameOrId);
    return { Stacks: [renderStack(stack)] };
  }

  authorize(context, "cloudformation:DescribeStacks", "*");
  const stacks = callerAccount(context)
    .stacks.filter((stack) => stack.region === context.region && stack.status !== "DELETE_COMPLETE")
    .reverse();
  const { page, nextToken } = paginate(stacks, stringParam(params, "NextToken"));
  return { Stacks: page.map(renderStack), NextToken: nextToken };
}

function listStacksOperation(context: CallContext, params: Params): object {
  authorize(context, "cloudformation:ListStacks", "*");
  const filter = listParam<string>(params, "StackStatusFilter");
  const stacks = callerAccount(context)
    .stacks.filter((stack) => stack.region === context.region && (filter.length === 0 || filter.includes(stack.status)))
    .reverse();
  const { page, nextToken } = paginate(stacks, stringParam(params, "NextToken"));
  return { StackSummaries: page.map(renderSummary), NextToken: nextToken };
}

function deleteStackOperation(context: CallContext, params: Params): undefined {
  const nameOrId = stringParam(params, "StackName");
  validate([{ member: "stackName", value: nameOrId, required: true }]);
  const stack = authorizeOnStack(context, "cloudformation:DeleteStack", nameOrId!);
  // Deleting a stack that does not exist succeeds, as in AWS.
  if (stack) deleteStack(context.store, stack, context.settings.stackCreateDelayMs);
  return undefined;
}

function describeStackEventsOperation(context: CallContext, params: Params): object {
  const nameOrId = stringParam(params, "StackName") ?? "";
  const stack = authorizeOnStack(context, "cloudformation:DescribeStackEvents", nameOrId);
  if (!stack) throw stackNotFound(nameOrId);

  const events = [...stack.events].reverse().map((event) => renderEvent(stack, event));
  const { page, nextToken } = paginate(events, stringParam(params, "NextToken"));
  return { StackEvents: page, NextToken: nextToken };
}

export const cloudformation: ServiceDefinition = {
  signingName: "cloudformation",
  version: "2010-05-15",
  xmlNamespace: "http://cloudformation.amazonaws.com/doc/2010-05-15/",
  operations: {
    CreateStack: createStackOperation,
    DescribeStacks: describeStacksOperation,
    ListStacks: listStacksOperation,
    DeleteStack: deleteStackOperation,
    DescribeStackEvents: describeStackEventsOperation,
  },
};
