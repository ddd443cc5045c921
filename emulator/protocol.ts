/**
 * Serialization for AWS's query protocol (form-encoded requests, XML responses) and the JSON
 * protocols (awsJson1_0/1_1 requests with X-Amz-Target, JSON responses).
 */
import { AwsError } from "./errors";

export type Params = Record<string, unknown>;

/**
 * Converts query-protocol parameters into nested values: `Tags.member.1.Key=a` becomes
 * `{ Tags: [{ Key: "a" }] }` and `Capabilities.member.1=X` becomes `{ Capabilities: ["X"] }`.
 */
export function parseQueryParameters(form: URLSearchParams): Params {
  const root: Params = {};
  for (const [name, value] of form) {
    const path = name.split(".").filter((segment) => segment !== "member" && segment !== "entry");
    assign(root, path, value);
  }
  return listify(root) as Params;
}

function assign(target: Params, path: string[], value: string): void {
  let node = target;
  for (const [index, segment] of path.entries()) {
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const child = node[segment];
    if (typeof child !== "object" || child === null) node[segment] = {};
    node = node[segment] as Params;
  }
}

/** Turns objects whose keys are all positive integers (query lists are 1-based) into arrays. */
function listify(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;

  const entries = Object.entries(value as Params).map(([key, child]) => [key, listify(child)] as const);
  const isList = entries.length > 0 && entries.every(([key]) => /^[1-9]\d*$/.test(key));
  if (!isList) return Object.fromEntries(entries);
  return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Renders a value as XML elements. Arrays become `<member>` items and dates become ISO 8601 timestamps. */
function renderXmlValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${renderXmlValue(item)}</member>`).join("");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .filter(([, child]) => child !== undefined && child !== null)
      .map(([key, child]) => `<${key}>${renderXmlValue(child)}</${key}>`)
      .join("");
  }
  return escapeXml(String(value));
}

export function renderXmlResponse(action: string, namespace: string, result: object | undefined, requestId: string): string {
  const body = result === undefined ? "" : `<${action}Result>${renderXmlValue(result)}</${action}Result>`;
  return (
    `<${action}Response xmlns="${namespace}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function renderXmlError(error: AwsError, namespace: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

/** Renders a result for the JSON protocols, where timestamps are epoch seconds. */
export function renderJson(result: object | undefined): string {
  return JSON.stringify(toJsonValue(result ?? {}));
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toJsonValue(child)]));
  }
  return value;
}

/**
 * Renders an error for the JSON protocols. Services differ in the key of the message: most send
 * `message`, and Organizations sends `Message` as its model names the member. Botocore and the
 * JavaScript SDK read either.
 */
export function renderJsonError(error: AwsError, messageKey: "message" | "Message" = "message"): string {
  return JSON.stringify({ __type: error.code, [messageKey]: error.message, ...error.fields });
}

/** Reads a parameter that must be a string, if present. */
export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

/** Reads an integer parameter, which the query protocol sends as text. */
export function integerParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) {
    throw new AwsError("MalformedQueryString", `Invalid value for ${name}: ${String(value)}`, 400);
  }
  return number;
}

export function listParam<T = unknown>(params: Params, name: string): T[] {
  const value = params[name];
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? (value as T[]) : [value as T];
}
