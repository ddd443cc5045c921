/** Parsing and static checks of CloudFormation templates in JSON or YAML with short-form tags. */
import YAML from "yaml";
import type { Tags } from "yaml";

import { validationError } from "../errors";

export interface TemplateParameter {
  Type?: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
  MinLength?: number | string;
  MaxLength?: number | string;
  MinValue?: number | string;
  MaxValue?: number | string;
  NoEcho?: boolean | string;
  ConstraintDescription?: string;
  Description?: string;
}

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: string | string[];
}

export interface TemplateOutput {
  Value: unknown;
  Description?: string;
  Condition?: string;
  Export?: { Name?: unknown };
}

export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters: Record<string, TemplateParameter>;
  Mappings: Record<string, Record<string, Record<string, unknown>>>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs: Record<string, TemplateOutput>;
}

const SECTIONS = new Set([
  "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
  "Conditions", "Transform", "Resources", "Outputs",
]);

/** Short-form function tags: `!Ref X` becomes `{ Ref: X }`, `!GetAtt A.B` becomes `{ "Fn::GetAtt": [A, B] }`. */
const SHORT_FORM_FUNCTIONS = [
  "Ref", "Condition", "Sub", "GetAtt", "Join", "If", "Equals", "Not", "And", "Or", "Select", "Split",
  "Base64", "FindInMap", "GetAZs", "ImportValue", "Cidr", "ToJsonString", "Length",
];

function shortFormTags(): Tags {
  const tags: Tags = [];
  for (const name of SHORT_FORM_FUNCTIONS) {
    const key = name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
    const wrap = (value: unknown) => ({
      [key]: name === "GetAtt" && typeof value === "string" ? splitOnce(value, ".") : value,
    });
    tags.push({ tag: `!${name}`, resolve: (text: string) => wrap(text) });
    tags.push({ tag: `!${name}`, collection: "seq", resolve: (node) => wrap(node.toJSON()) });
    tags.push({ tag: `!${name}`, collection: "map", resolve: (node) => wrap(node.toJSON()) });
  }
  return tags;
}

function splitOnce(text: string, separator: string): string[] {
  const index = text.indexOf(separator);
  return index < 0 ? [text] : [text.slice(0, index), text.slice(index + 1)];
}

export function parseTemplate(body: string): Template {
  const raw = body.trimStart().startsWith("{") ? parseJson(body) : parseYaml(body);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw validationError("Template format error: unsupported structure.");
  }

  const unknown = Object.keys(raw).filter((key) => !SECTIONS.has(key));
  if (unknown.length > 0) {
    throw validationError(`Template format error: Invalid template property or properties [${unknown.join(", ")}]`);
  }
  const template = raw as Partial<Template>;
  const resources = template.Resources ?? {};
  if (Object.keys(resources).length === 0) {
    throw validationError("Template format error: At least one Resources member must be defined.");
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (typeof resource?.Type !== "string") {
      throw validationError(`Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`);
    }
  }

  return {
    AWSTemplateFormatVersion: template.AWSTemplateFormatVersion,
    Description: template.Description,
    Parameters: template.Parameters ?? {},
    Mappings: template.Mappings ?? {},
    Conditions: template.Conditions ?? {},
    Resources: resources,
    Outputs: template.Outputs ?? {},
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const { line, column } = linePosition(body, Number(position ?? 0));
    throw validationError(`Template format error: JSON not well-formed. (line ${line}, column ${column})`);
  }
}

function parseYaml(body: string): unknown {
  const document = YAML.parseDocument(body, { customTags: shortFormTags(), uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const position = error.linePos?.[0];
    const where = position ? ` (line ${position.line}, column ${position.col})` : "";
    throw validationError(`Template format error: YAML not well-formed.${where}`);
  }
  return document.toJS({ maxAliasCount: 100 });
}

function linePosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
