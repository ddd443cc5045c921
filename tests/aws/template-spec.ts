import { specification } from "@aws-cdk/cfnspec";
import { parse, type Tags } from "yaml";

// CloudFormation's short-form intrinsic tags, parsed into their long form as CloudFormation does.
const INTRINSICS = ["Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue"];
const CLOUDFORMATION_TAGS: Tags = INTRINSICS.flatMap((name) => {
  const key = name === "Ref" ? "Ref" : `Fn::${name}`;
  const resolve = (value: unknown) => ({ [key]: name === "GetAtt" && typeof value === "string" ? value.split(".") : value });
  return [
    { tag: `!${name}`, resolve: (value: string) => resolve(value) },
    { tag: `!${name}`, collection: "seq" as const, resolve: (value: { toJSON(): unknown }) => resolve(value.toJSON()) },
    { tag: `!${name}`, collection: "map" as const, resolve: (value: { toJSON(): unknown }) => resolve(value.toJSON()) },
  ];
});

export function parseCloudFormationYaml(body: string): Record<string, unknown> {
  return parse(body, { customTags: CLOUDFORMATION_TAGS }) as Record<string, unknown>;
}

interface PropertySpec {
  PrimitiveType?: string;
  Type?: string;
  ItemType?: string;
  PrimitiveItemType?: string;
  Required?: boolean;
}

const spec = specification() as unknown as {
  ResourceTypes: Record<string, { Properties: Record<string, PropertySpec> }>;
  PropertyTypes: Record<string, { Properties?: Record<string, PropertySpec> }>;
};

const isIntrinsic = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && /^(Ref|Fn::)/.test(Object.keys(value)[0]!);

/**
 * Checks every resource of a template against the CloudFormation resource specification: the type
 * exists, every property is known with the right shape, and every required property is present.
 * Returns one message per problem.
 */
export function validateAgainstSpecification(template: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const resources = (template.Resources ?? {}) as Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  for (const [logicalId, resource] of Object.entries(resources)) {
    const resourceSpec = spec.ResourceTypes[resource.Type];
    if (!resourceSpec) {
      problems.push(`${logicalId}: unknown resource type ${resource.Type}`);
      continue;
    }
    checkProperties(`${logicalId}`, resource.Type, resourceSpec.Properties, resource.Properties ?? {}, problems);
  }
  return problems;
}

function checkProperties(path: string, type: string, specs: Record<string, PropertySpec>, values: Record<string, unknown>, problems: string[]) {
  for (const [name, propertySpec] of Object.entries(specs)) {
    if (propertySpec.Required && !(name in values)) problems.push(`${path}: required property ${name} is missing`);
  }
  for (const [name, value] of Object.entries(values)) {
    const propertySpec = specs[name];
    if (!propertySpec) problems.push(`${path}: property ${name} is not in the specification of ${type}`);
    else checkValue(`${path}.${name}`, type, propertySpec, value, problems);
  }
}

function checkValue(path: string, type: string, propertySpec: PropertySpec, value: unknown, problems: string[]) {
  if (isIntrinsic(value)) return;
  if (propertySpec.PrimitiveType) {
    if (!primitiveMatches(propertySpec.PrimitiveType, value)) problems.push(`${path}: expected ${propertySpec.PrimitiveType}, got ${JSON.stringify(value)}`);
    return;
  }
  if (propertySpec.Type === "List") {
    if (!Array.isArray(value)) return void problems.push(`${path}: expected a list`);
    value.forEach((item, index) => checkValue(`${path}[${index}]`, type, { PrimitiveType: propertySpec.PrimitiveItemType, Type: propertySpec.ItemType }, item, problems));
    return;
  }
  if (propertySpec.Type) {
    const nested = spec.PropertyTypes[`${type}.${propertySpec.Type}`] ?? spec.PropertyTypes[propertySpec.Type];
    if (!nested?.Properties) return void problems.push(`${path}: unknown property type ${propertySpec.Type}`);
    if (typeof value !== "object" || value === null) return void problems.push(`${path}: expected an object`);
    checkProperties(path, type, nested.Properties, value as Record<string, unknown>, problems);
  }
}

function primitiveMatches(primitive: string, value: unknown): boolean {
  switch (primitive) {
    case "String":
      return typeof value === "string";
    case "Integer":
    case "Long":
    case "Double":
      return typeof value === "number" || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value));
    case "Boolean":
      return typeof value === "boolean" || value === "true" || value === "false";
    case "Json":
      return typeof value === "object" && value !== null;
    default:
      return true;
  }
}
