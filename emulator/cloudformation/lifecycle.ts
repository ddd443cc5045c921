/** Completion of a stack's create (provisioning, outputs, rollback on failure) or delete. */
import { urlSuffix } from "../partitions";
import type { Stack, StackOutput } from "../types";
import { creationOrder } from "./checks";
import { Resolver, TemplateError } from "./intrinsics";
import { parameterValue } from "./parameters";
import type { ProvisionContext } from "./resources";
import { deprovision, provision } from "./resources";
import { addEvent } from "./stacks";
import { parseTemplate } from "./template";

export function completeCreate(context: ProvisionContext): void {
  const { stack, account, time } = context;
  const template = parseTemplate(stack.templateBody);
  const values: Record<string, string | string[]> = {
    "AWS::AccountId": account.id,
    "AWS::Region": stack.region,
    "AWS::Partition": account.partition,
    "AWS::StackId": stack.stackId,
    "AWS::StackName": stack.name,
    "AWS::URLSuffix": urlSuffix(account.partition),
    "AWS::NotificationARNs": [],
  };
  for (const { ParameterKey, ParameterValue } of stack.parameters) {
    values[ParameterKey] = parameterValue(template.Parameters[ParameterKey] ?? {}, ParameterValue);
  }
  const scope = { template, values, physicalIds: {}, attributes: {}, region: stack.region };
  const resolver = new Resolver(scope);

  let current = stack.name;
  try {
    for (const logicalId of creationOrder(template)) {
      const resource = template.Resources[logicalId]!;
      if (resource.Condition !== undefined && !resolver.condition(resource.Condition)) continue;

      current = logicalId;
      const record = { logicalId, type: resource.Type, status: "CREATE_IN_PROGRESS" } as Stack["resources"][number];
      stack.resources.push(record);
      addEvent(stack, logicalId, "", resource.Type, "CREATE_IN_PROGRESS", time);

      const properties = resolver.resolve(resource.Properties ?? {}) as Record<string, unknown>;
      const created = provision(context, resource.Type, logicalId, properties);
      Object.assign(record, { physicalId: created.physicalId, status: "CREATE_COMPLETE", properties });
      Object.assign(scope.physicalIds, { [logicalId]: created.physicalId });
      Object.assign(scope.attributes, { [logicalId]: created.attributes });
      addEvent(stack, logicalId, created.physicalId, resource.Type, "CREATE_COMPLETE", time);
    }
    current = stack.name;
    stack.outputs = resolveOutputs(template, resolver);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    rollBack(context, current, error.message);
    return;
  }

  stack.status = "CREATE_COMPLETE";
  stack.statusReason = undefined;
  addEvent(stack, stack.name, stack.stackId, "AWS::CloudFormation::Stack", "CREATE_COMPLETE", time);
}

function resolveOutputs(template: ReturnType<typeof parseTemplate>, resolver: Resolver): StackOutput[] {
  const outputs: StackOutput[] = [];
  for (const [key, output] of Object.entries(template.Outputs)) {
    if (output.Condition !== undefined && !resolver.condition(output.Condition)) continue;

    const value = resolver.resolve(output.Value);
    const exportName = output.Export?.Name === undefined ? undefined : String(resolver.resolve(output.Export.Name));
    outputs.push({
      OutputKey: key,
      OutputValue: Array.isArray(value) ? value.join(",") : String(value),
      Description: output.Description,
      ExportName: exportName,
    });
  }
  return outputs;
}

/** Marks the failed resource, deletes what was created in reverse order, and ends in ROLLBACK_COMPLETE. */
function rollBack(context: ProvisionContext, failedLogicalId: string, reason: string): void {
  const { stack, time } = context;
  const failed = stack.resources.find((resource) => resource.logicalId === failedLogicalId && resource.status === "CREATE_IN_PROGRESS");
  if (failed) {
    failed.status = "CREATE_FAILED";
    failed.statusReason = reason;
    addEvent(stack, failed.logicalId, "", failed.type, "CREATE_FAILED", time, reason);
  }

  const stackReason = failed
    ? `The following resource(s) failed to create: [${failed.logicalId}]. Rollback requested by user.`
    : reason;
  addEvent(stack, stack.name, stack.stackId, "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS", time, stackReason);
  removeResources(context);

  stack.status = "ROLLBACK_COMPLETE";
  stack.statusReason = stackReason;
  stack.outputs = [];
  addEvent(stack, stack.name, stack.stackId, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", time);
}

export function completeDelete(context: ProvisionContext): void {
  const { stack, time } = context;
  removeResources(context);
  stack.status = "DELETE_COMPLETE";
  stack.statusReason = undefined;
  stack.deletedAt = time;
  addEvent(stack, stack.name, stack.stackId, "AWS::CloudFormation::Stack", "DELETE_COMPLETE", time);
}

function removeResources(context: ProvisionContext): void {
  const { stack, time } = context;
  for (const resource of [...stack.resources].reverse()) {
    if (resource.status !== "CREATE_COMPLETE" || resource.physicalId === undefined) continue;
    deprovision(context, resource.type, resource.physicalId, resource.properties ?? {});
    resource.status = "DELETE_COMPLETE";
    addEvent(stack, resource.logicalId, resource.physicalId, resource.type, "DELETE_COMPLETE", time);
  }
}
