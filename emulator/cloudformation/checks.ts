/** Static checks CreateStack runs before it accepts a template: references, dependencies, capabilities. */
import { AwsError, validationError } from "../errors";
import type { Template } from "./template";

export const PSEUDO_PARAMETERS = [
  "AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::StackId", "AWS::StackName",
  "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs",
];

/** Throws the "Unresolved resource dependencies" format error for a Ref, GetAtt or Sub to an unknown name. */
export function checkReferences(template: Template): void {
  const known = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources), ...PSEUDO_PARAMETERS]);
  const blocks: [string, unknown][] = [
    ["Resources", template.Resources],
    ["Outputs", template.Outputs],
    ["Conditions", template.Conditions],
  ];
  for (const [block, content] of blocks) {
    const unresolved = [...references(content)].filter((name) => !known.has(name));
    if (unresolved.length > 0) {
      throw validationError(`Template format error: Unresolved resource dependencies [${unresolved.join(", ")}] in the ${block} block of the template`);
    }
  }

  for (const resource of Object.values(template.Resources)) {
    if (resource.Condition !== undefined && !(resource.Condition in template.Conditions)) {
      throw validationError(`Template format error: Unresolved condition dependencies [${resource.Condition}] in the Resources block of the template`);
    }
    for (const dependency of dependsOn(resource.DependsOn)) {
      if (!(dependency in template.Resources)) {
        throw validationError(`Template format error: Unresolved resource dependencies [${dependency}] in the Resources block of the template`);
      }
    }
  }
}

function dependsOn(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Orders resources so that each comes after the resources it references; throws on a cycle. */
export function creationOrder(template: Template): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();

  const visit = (logicalId: string, trail: string[]): void => {
    if (state.get(logicalId) === "done") return;
    if (state.get(logicalId) === "visiting") {
      const cycle = trail.slice(trail.indexOf(logicalId));
      throw validationError(`Circular dependency between resources: [${cycle.join(", ")}]`);
    }
    state.set(logicalId, "visiting");
    const resource = template.Resources[logicalId]!;
    const dependencies = new Set([...references(resource.Properties ?? {}), ...dependsOn(resource.DependsOn)]);
    for (const dependency of dependencies) {
      if (dependency in template.Resources) visit(dependency, [...trail, logicalId]);
    }
    state.set(logicalId, "done");
    order.push(logicalId);
  };

  for (const logicalId of Object.keys(template.Resources)) visit(logicalId, []);
  return order;
}

const NAME_PROPERTIES: Record<string, string> = {
  "AWS::IAM::Role": "RoleName",
  "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
  "AWS::IAM::User": "UserName",
  "AWS::IAM::Group": "GroupName",
  "AWS::IAM::InstanceProfile": "InstanceProfileName",
};

/** Requires CAPABILITY_NAMED_IAM for IAM resources with custom names, CAPABILITY_IAM for other IAM resources. */
export function checkCapabilities(template: Template, capabilities: string[]): void {
  const iamResources = Object.values(template.Resources).filter((resource) => resource.Type.startsWith("AWS::IAM::"));
  const named = iamResources.some((resource) => {
    const nameProperty = NAME_PROPERTIES[resource.Type];
    return nameProperty !== undefined && resource.Properties?.[nameProperty] !== undefined;
  });

  if (named && !capabilities.includes("CAPABILITY_NAMED_IAM")) {
    throw new AwsError("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_NAMED_IAM]", 400);
  }
  const anyIam = capabilities.includes("CAPABILITY_IAM") || capabilities.includes("CAPABILITY_NAMED_IAM");
  if (iamResources.length > 0 && !anyIam) {
    throw new AwsError("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]", 400);
  }
}

/** Collects the logical IDs and parameter names a value refers to through Ref, Fn::GetAtt and Fn::Sub. */
export function references(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) references(item, found);
    return found;
  }
  if (typeof value !== "object" || value === null) return found;

  for (const [key, argument] of Object.entries(value)) {
    if (key === "Ref" && typeof argument === "string") found.add(argument);
    else if (key === "Fn::GetAtt") found.add(Array.isArray(argument) ? String(argument[0]) : String(argument).split(".")[0]!);
    else if (key === "Fn::Sub") {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      const local = new Set(Object.keys((variables ?? {}) as object));
      for (const match of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
        if (!local.has(match[1]!)) found.add(match[1]!.split(".")[0]!);
      }
      references(variables, found);
    } else references(argument, found);
  }
  return found;
}
