/** Looking up and rendering stacks for the CloudFormation API. */
import { validationError } from "../errors";
import * as ids from "../ids";
import type { Account, Stack } from "../types";

/**
 * Finds a stack by name (only stacks not deleted) or by stack ID (deleted ones too), in one region.
 * A stack ID of another region or account is not found, as in AWS.
 */
export function findStack(account: Account, region: string, nameOrId: string): Stack | undefined {
  if (nameOrId.startsWith("arn:")) {
    return account.stacks.find((stack) => stack.stackId === nameOrId && stack.region === region);
  }
  return account.stacks.find((stack) => stack.name === nameOrId && stack.region === region && stack.status !== "DELETE_COMPLETE");
}

export function stackNotFound(nameOrId: string): Error {
  return validationError(`Stack with id ${nameOrId} does not exist`);
}

/** Returns the stack's ARN if it exists, else the ARN pattern AWS authorizes a call on a missing stack against. */
export function stackResourceArn(account: Account, region: string, nameOrId: string): string {
  const stack = findStack(account, region, nameOrId);
  if (stack) return stack.stackId;
  if (nameOrId.startsWith("arn:")) return nameOrId;
  return `arn:${account.partition}:cloudformation:${region}:${account.id}:stack/${nameOrId}/*`;
}

export function renderStack(stack: Stack): object {
  const complete = stack.status === "CREATE_COMPLETE";
  return {
    StackId: stack.stackId,
    StackName: stack.name,
    Description: stack.description,
    Parameters: stack.parameters.map(({ ParameterKey, ParameterValue }) => ({
      ParameterKey,
      ParameterValue: stack.noEchoParameters.includes(ParameterKey) ? "****" : ParameterValue,
    })),
    CreationTime: new Date(stack.createdAt),
    DeletionTime: stack.deletedAt === undefined ? undefined : new Date(stack.deletedAt),
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DisableRollback: false,
    NotificationARNs: [],
    Capabilities: stack.capabilities.length > 0 ? stack.capabilities : undefined,
    // Outputs exist only once the stack is complete, and they keep the template's order.
    Outputs: complete && stack.outputs.length > 0 ? stack.outputs : undefined,
    Tags: stack.tags,
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
  };
}

export function renderSummary(stack: Stack): object {
  return {
    StackId: stack.stackId,
    StackName: stack.name,
    TemplateDescription: stack.description,
    CreationTime: new Date(stack.createdAt),
    DeletionTime: stack.deletedAt === undefined ? undefined : new Date(stack.deletedAt),
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
  };
}

export function renderEvent(stack: Stack, event: Stack["events"][number]): object {
  return {
    StackId: stack.stackId,
    EventId: event.eventId,
    StackName: stack.name,
    LogicalResourceId: event.logicalId,
    PhysicalResourceId: event.physicalId,
    ResourceType: event.type,
    Timestamp: new Date(event.timestamp),
    ResourceStatus: event.status,
    ResourceStatusReason: event.statusReason,
  };
}

// NOTE: AWS does not document the page size of DescribeStacks, ListStacks or DescribeStackEvents. 100 is a guess.
const PAGE_SIZE = 100;

/** Cuts a list into pages of 100. NextToken is the opaque offset of the next page. */
export function paginate<T>(items: T[], nextToken: string | undefined): { page: T[]; nextToken?: string } {
  let offset = 0;
  if (nextToken !== undefined) {
    offset = Number(Buffer.from(nextToken, "base64url").toString("utf8"));
    if (!Number.isInteger(offset) || offset < 0) throw validationError("Invalid NextToken");
  }
  const end = offset + PAGE_SIZE;
  const next = end < items.length ? Buffer.from(String(end)).toString("base64url") : undefined;
  return { page: items.slice(offset, end), nextToken: next };
}

/** Appends a stack event, as DescribeStackEvents returns them. */
export function addEvent(
  stack: Stack,
  logicalId: string,
  physicalId: string,
  type: string,
  status: string,
  timestamp: number,
  statusReason?: string,
): void {
  stack.events.push({ eventId: ids.uuid(), logicalId, physicalId, type, status, statusReason, timestamp });
}
