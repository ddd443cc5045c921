/**
 * Stack lifecycle. CreateStack and DeleteStack only validate and record the request, and the work happens
 * when the stack's delay has passed, the next time any request calls `settleStacks`. That keeps the
 * state plain data (persisted as is) and lets the fake clock move stacks forward.
 */
import * as ids from "../ids";
import type { Store } from "../state";
import type { Account, Stack, Tag } from "../types";
import { checkCapabilities, checkReferences, creationOrder } from "./checks";
import { completeCreate, completeDelete } from "./lifecycle";
import type { ParameterInput } from "./parameters";
import { isNoEcho, resolveParameters } from "./parameters";
import type { ProvisionContext } from "./resources";
import { addEvent } from "./stacks";
import { parseTemplate } from "./template";

export interface CreateStackInput {
  name: string;
  templateBody: string;
  parameters: ParameterInput[];
  capabilities: string[];
  tags: Tag[];
}

/** Validates a new stack like CreateStack does and records it as CREATE_IN_PROGRESS. */
export function createStack(store: Store, account: Account, region: string, input: CreateStackInput, delayMs: number): Stack {
  const template = parseTemplate(input.templateBody);
  checkReferences(template);
  creationOrder(template);
  const values = resolveParameters(template, input.parameters);
  checkCapabilities(template, input.capabilities);

  const now = store.now();
  const stack: Stack = {
    stackId: `arn:${account.partition}:cloudformation:${region}:${account.id}:stack/${input.name}/${ids.uuid()}`,
    name: input.name,
    region,
    description: template.Description,
    status: "CREATE_IN_PROGRESS",
    createdAt: now,
    settlesAt: now + delayMs,
    stuck: store.data.faults.stuckStacks || undefined,
    templateBody: input.templateBody,
    parameters: Object.entries(values).map(([key, value]) => ({ ParameterKey: key, ParameterValue: value })),
    noEchoParameters: Object.entries(template.Parameters).filter(([, definition]) => isNoEcho(definition)).map(([key]) => key),
    capabilities: input.capabilities,
    tags: input.tags,
    outputs: [],
    resources: [],
    events: [],
  };
  addEvent(stack, stack.name, stack.stackId, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", now, "User Initiated");
  account.stacks.push(stack);
  store.markChanged();
  return stack;
}

/** Starts deleting a stack. Deleting a stack that is already deleted does nothing, as in AWS. */
export function deleteStack(store: Store, stack: Stack, delayMs: number): void {
  if (stack.status === "DELETE_COMPLETE" || stack.status === "DELETE_IN_PROGRESS") return;

  const now = store.now();
  stack.status = "DELETE_IN_PROGRESS";
  stack.statusReason = "User Initiated";
  stack.settlesAt = now + delayMs;
  stack.stuck = undefined;
  addEvent(stack, stack.name, stack.stackId, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", now, "User Initiated");
  store.markChanged();
}

/** Finishes every create or delete whose time has come. */
export function settleStacks(store: Store): void {
  const now = store.now();
  for (const account of Object.values(store.data.accounts)) {
    for (const stack of account.stacks) {
      if (stack.settlesAt === undefined || stack.stuck || now < stack.settlesAt) continue;

      const context: ProvisionContext = { store, account, stack, time: stack.settlesAt };
      if (stack.status === "CREATE_IN_PROGRESS") completeCreate(context);
      else if (stack.status === "DELETE_IN_PROGRESS") completeDelete(context);
      stack.settlesAt = undefined;
      store.markChanged();
    }
  }
}
