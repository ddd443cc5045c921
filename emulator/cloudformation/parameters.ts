/** Parameter values of a new stack: defaults, CloudFormation's constraint checks and their messages. */
import { validationError } from "../errors";
import type { Template, TemplateParameter } from "./template";

export interface ParameterInput {
  ParameterKey?: string;
  ParameterValue?: string;
}

/** Returns the value of every template parameter, or throws ValidationError as CreateStack does. */
export function resolveParameters(template: Template, inputs: ParameterInput[]): Record<string, string> {
  const given = new Map<string, string>();
  for (const input of inputs) given.set(input.ParameterKey ?? "", input.ParameterValue ?? "");

  const unknown = [...given.keys()].filter((key) => !(key in template.Parameters));
  if (unknown.length > 0) throw validationError(`Parameters: [${unknown.join(", ")}] do not exist in the template`);

  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, definition] of Object.entries(template.Parameters)) {
    const value = given.get(name) ?? (definition.Default === undefined ? undefined : String(definition.Default));
    if (value === undefined) missing.push(name);
    else values[name] = value;
  }
  if (missing.length > 0) throw validationError(`Parameters: [${missing.join(", ")}] must have values`);

  for (const [name, definition] of Object.entries(template.Parameters)) {
    const failure = constraintFailure(name, definition, values[name]!);
    if (failure === undefined) continue;
    const message = definition.ConstraintDescription
      ? `Parameter '${name}' failed to satisfy constraint: ${definition.ConstraintDescription}`
      : failure;
    throw validationError(message);
  }
  return values;
}

function constraintFailure(name: string, definition: TemplateParameter, value: string): string | undefined {
  const type = definition.Type ?? "String";
  const prefix = `Parameter '${name}'`;

  if (definition.AllowedValues && !definition.AllowedValues.map(String).includes(value)) {
    return `${prefix} must be one of AllowedValues`;
  }
  if (type === "Number") {
    const number = Number(value);
    if (value.trim() === "" || Number.isNaN(number)) return `${prefix} must be a number`;
    if (definition.MinValue !== undefined && number < Number(definition.MinValue)) {
      return `${prefix} must be a number not less than ${definition.MinValue}`;
    }
    if (definition.MaxValue !== undefined && number > Number(definition.MaxValue)) {
      return `${prefix} must be a number not greater than ${definition.MaxValue}`;
    }
    return undefined;
  }
  if (type !== "String") return undefined;

  if (definition.MinLength !== undefined && value.length < Number(definition.MinLength)) {
    return `${prefix} must contain at least ${definition.MinLength} characters`;
  }
  if (definition.MaxLength !== undefined && value.length > Number(definition.MaxLength)) {
    return `${prefix} must contain at most ${definition.MaxLength} characters`;
  }
  // CloudFormation matches AllowedPattern against the whole value.
  if (definition.AllowedPattern !== undefined && !new RegExp(`^(?:${definition.AllowedPattern})$`).test(value)) {
    return `${prefix} must match pattern ${definition.AllowedPattern}`;
  }
  return undefined;
}

/** Converts parameter text to the value Ref returns: a list for list types, else the text. */
export function parameterValue(definition: TemplateParameter, text: string): string | string[] {
  const type = definition.Type ?? "String";
  if (type === "CommaDelimitedList" || type.startsWith("List<")) return text === "" ? [] : text.split(",");
  return text;
}

export function isNoEcho(definition: TemplateParameter): boolean {
  return definition.NoEcho === true || definition.NoEcho === "true";
}
