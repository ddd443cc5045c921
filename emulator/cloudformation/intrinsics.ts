/** Evaluation of CloudFormation intrinsic functions, condition functions and pseudo parameters. */
import type { Template } from "./template";

/** Value of `Ref: AWS::NoValue`, which removes the property or list item that contains it. */
export const NO_VALUE = Symbol("AWS::NoValue");

/** A failure while resolving a template. Its message becomes the resource's or stack's status reason. */
export class TemplateError extends Error {}

export interface Scope {
  template: Template;
  /** Parameter values and pseudo parameters (`AWS::Region` …) by name. */
  values: Record<string, string | string[]>;
  /** Physical IDs of the resources created so far, by logical ID. */
  physicalIds: Record<string, string>;
  /** Attributes of the resources created so far, by logical ID and attribute name. */
  attributes: Record<string, Record<string, string>>;
  region: string;
}

export class Resolver {
  private readonly conditionCache = new Map<string, boolean>();

  constructor(private readonly scope: Scope) {}

  /** Resolves every intrinsic function inside a value. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) {
      return value.map((item) => this.resolve(item)).filter((item) => item !== NO_VALUE);
    }
    if (typeof value !== "object" || value === null) return value;

    const entries = Object.entries(value);
    const [key, argument] = entries[0] ?? [];
    if (entries.length === 1 && key !== undefined && (key === "Ref" || key.startsWith("Fn::"))) {
      return this.call(key, argument);
    }

    const resolved: Record<string, unknown> = {};
    for (const [name, child] of entries) {
      const result = this.resolve(child);
      if (result !== NO_VALUE) resolved[name] = result;
    }
    return resolved;
  }

  /** Evaluates a named condition of the Conditions section. */
  condition(name: string): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    if (!(name in this.scope.template.Conditions)) {
      throw new TemplateError(`Template format error: Unresolved condition dependencies [${name}] in the Conditions block of the template`);
    }
    const result = this.evaluateCondition(this.scope.template.Conditions[name]);
    this.conditionCache.set(name, result);
    return result;
  }

  private evaluateCondition(expression: unknown): boolean {
    if (typeof expression === "object" && expression !== null && "Condition" in expression) {
      return this.condition(String(expression.Condition));
    }
    const result = this.resolve(expression);
    if (typeof result !== "boolean") throw new TemplateError("Template error: every Conditions member must be a condition function");
    return result;
  }

  private call(name: string, argument: unknown): unknown {
    switch (name) {
      case "Ref":
        return this.ref(String(argument));
      case "Fn::GetAtt":
        return this.getAtt(Array.isArray(argument) ? argument.map(String) : String(argument).split("."));
      case "Fn::Sub":
        return this.sub(argument);
      case "Fn::Join": {
        const [separator, items] = list(argument, name, 2);
        return list(this.resolve(items), name).map(String).join(String(separator));
      }
      case "Fn::Select": {
        const [index, items] = list(argument, name, 2);
        const resolvedItems = list(this.resolve(items), name);
        const item = resolvedItems[Number(this.resolve(index))];
        if (item === undefined) throw new TemplateError("Template error: Fn::Select cannot select nonexistent value at index " + String(index));
        return item;
      }
      case "Fn::Split": {
        const [separator, text] = list(argument, name, 2);
        return String(this.resolve(text)).split(String(separator));
      }
      case "Fn::If": {
        const [conditionName, whenTrue, whenFalse] = list(argument, name, 3);
        return this.resolve(this.condition(String(conditionName)) ? whenTrue : whenFalse);
      }
      case "Fn::Equals": {
        const [left, right] = list(argument, name, 2);
        return String(this.resolve(left)) === String(this.resolve(right));
      }
      case "Fn::Not":
        return !this.evaluateCondition(list(argument, name, 1)[0]);
      case "Fn::And":
        return list(argument, name).every((item) => this.evaluateCondition(item));
      case "Fn::Or":
        return list(argument, name).some((item) => this.evaluateCondition(item));
      case "Fn::Base64":
        return Buffer.from(String(this.resolve(argument))).toString("base64");
      case "Fn::ToJsonString":
        return JSON.stringify(this.resolve(argument));
      case "Fn::FindInMap": {
        const [map, top, second] = list(this.resolve(argument), name, 3).map(String);
        const found = this.scope.template.Mappings[map!]?.[top!]?.[second!];
        if (found === undefined) throw new TemplateError(`Template error: Unable to get mapping for ${map}::${top}::${second}`);
        return found;
      }
      case "Fn::GetAZs":
        return ["a", "b", "c"].map((zone) => `${this.scope.region}${zone}`);
      default:
        throw new TemplateError(`Template error: the XOps 360 AWS emulator does not support the intrinsic function ${name}`);
    }
  }

  private ref(name: string): unknown {
    if (name === "AWS::NoValue") return NO_VALUE;
    if (name in this.scope.values) return this.scope.values[name];
    if (name in this.scope.physicalIds) return this.scope.physicalIds[name];
    throw new TemplateError(`Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`);
  }

  private getAtt([logicalId, attribute]: string[]): string {
    const value = this.scope.attributes[logicalId ?? ""]?.[attribute ?? ""];
    if (value === undefined) {
      throw new TemplateError(`Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`);
    }
    return value;
  }

  private sub(argument: unknown): string {
    const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
    const resolvedVariables = this.resolve(variables ?? {}) as Record<string, unknown>;

    return String(text).replace(/\$\{(!?)([^}]*)\}/g, (_match, literal: string, reference: string) => {
      if (literal === "!") return `\${${reference}}`;
      if (reference in resolvedVariables) return String(resolvedVariables[reference]);
      if (reference.includes(".") && !(reference in this.scope.values)) return this.getAtt(splitAttribute(reference));
      return String(this.ref(reference));
    });
  }
}

function splitAttribute(reference: string): string[] {
  const index = reference.indexOf(".");
  return [reference.slice(0, index), reference.slice(index + 1)];
}

function list(value: unknown, functionName: string, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    const expected = length === undefined ? "a list" : `a list of ${length} elements`;
    throw new TemplateError(`Template error: ${functionName} requires ${expected}`);
  }
  return value;
}
