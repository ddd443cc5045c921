/**
 * Handling of signed AWS API requests: protocol detection, authentication, faults, dispatch to the
 * service and rendering of the result or error in the protocol the client used.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import type { Logger } from "pino";

import { settleStacks } from "./cloudformation/engine";
import type { EmulatorSettings, ServiceDefinition } from "./context";
import { AwsError, forJsonProtocol } from "./errors";
import { applyCallFaults, picksConnectionReset } from "./faults";
import { checkCredentialScope } from "./hosts";
import { authenticate } from "./identity";
import * as ids from "./ids";
import type { Params } from "./protocol";
import { parseQueryParameters, renderJson, renderJsonError, renderXmlError, renderXmlResponse } from "./protocol";
import { cloudformation } from "./services/cloudformation";
import { iam } from "./services/iam";
import { organizations } from "./services/organizations";
import { sts } from "./services/sts";
import { parseAuthorization } from "./sigv4";
import type { Store } from "./state";

const SERVICES: ServiceDefinition[] = [sts, iam, cloudformation, organizations];

interface ParsedCall {
  protocol: "query" | "json";
  action: string;
  params: Params;
  /** Content-Type of a JSON-protocol request, echoed in the response. */
  jsonContentType?: string;
}

/** Reads the action and parameters: X-Amz-Target means a JSON protocol, anything else the query protocol. */
function parseCall(request: IncomingMessage, url: URL, body: Buffer): ParsedCall {
  const target = request.headers["x-amz-target"];
  if (typeof target === "string") {
    let params: Params = {};
    try {
      params = body.length > 0 ? (JSON.parse(body.toString("utf8")) as Params) : {};
    } catch {
      throw new AwsError("SerializationException", "The request body is not valid JSON.", 400);
    }
    const contentType = String(request.headers["content-type"] ?? "application/x-amz-json-1.1");
    return { protocol: "json", action: target.slice(target.lastIndexOf(".") + 1), params, jsonContentType: contentType };
  }

  const form = new URLSearchParams(url.search);
  const contentType = String(request.headers["content-type"] ?? "");
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    for (const [name, value] of new URLSearchParams(body.toString("utf8"))) form.append(name, value);
  }
  const params = parseQueryParameters(form);
  return { protocol: "query", action: String(params.Action ?? ""), params };
}

function serviceFor(signingName: string | undefined, params: Params): ServiceDefinition | undefined {
  if (signingName !== undefined) return SERVICES.find((service) => service.signingName === signingName);
  // Without a signature, only the API version of a query request identifies the service.
  return SERVICES.find((service) => service.version === params.Version);
}

export async function handleAwsRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  body: Buffer,
  store: Store,
  settings: EmulatorSettings,
  logger: Logger,
): Promise<void> {
  // A reset comes before any processing, so the call has no effect, like a connection lost on the way in.
  // NOTE: a connection lost after AWS processed a call, which makes a retried write fail, is not emulated.
  if (picksConnectionReset(store)) {
    logger.debug({ url: url.pathname }, "closing the connection without a response (resetRate fault)");
    request.socket.destroy();
    return;
  }

  const requestId = ids.requestId();
  let call: ParsedCall = { protocol: "query", action: "", params: {} };
  let service: ServiceDefinition | undefined;

  try {
    call = parseCall(request, url, body);
    const authorization = parseAuthorization(request.headers.authorization);
    service = serviceFor(authorization?.service, call.params);
    if (!authorization) throw new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    checkCredentialScope(request.headers.host, authorization);
    if (!service) throw new AwsError("UnknownService", `The XOps 360 AWS emulator does not implement the service ${authorization.service}.`, 400);

    const signed = { method: request.method ?? "POST", path: url.pathname, query: url.searchParams, headers: request.headers, body };
    const principal = await authenticate(store, signed, authorization);
    await applyCallFaults(store, service);

    const operation = service.operations[call.action];
    if (!operation) {
      throw new AwsError("InvalidAction", `Could not find operation ${call.action} for version ${service.version}`, 400);
    }
    settleStacks(store);
    const context = { store, principal, region: authorization.region, requestId, settings };
    service.beforeOperation?.(context);
    const result = await operation(context, call.params);
    settleStacks(store);

    sendResult(response, call, service, result, requestId);
  } catch (error) {
    const awsError = error instanceof AwsError ? error : internalFailure(error, logger, requestId, call.action);
    sendError(response, call, service, awsError, requestId);
  }
}

function internalFailure(error: unknown, logger: Logger, requestId: string, action: string): AwsError {
  logger.error({ err: error, requestId, action }, "AWS API request failed with an internal error");
  return new AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, "Receiver");
}

function sendResult(response: ServerResponse, call: ParsedCall, service: ServiceDefinition, result: object | undefined, requestId: string): void {
  if (call.protocol === "json") {
    response.writeHead(200, { "content-type": call.jsonContentType!, "x-amzn-requestid": requestId });
    response.end(renderJson(result));
    return;
  }
  response.writeHead(200, { "content-type": "text/xml", "x-amzn-requestid": requestId });
  response.end(renderXmlResponse(call.action, service.xmlNamespace, result, requestId));
}

function sendError(response: ServerResponse, call: ParsedCall, service: ServiceDefinition | undefined, error: AwsError, requestId: string): void {
  if (call.protocol === "json") {
    // Only awsQueryCompatible services send x-amzn-query-error, and none of the emulated JSON services is one.
    response.writeHead(error.status, {
      "content-type": call.jsonContentType ?? "application/x-amz-json-1.1",
      "x-amzn-requestid": requestId,
    });
    response.end(renderJsonError(forJsonProtocol(error), service?.jsonMessageKey));
    return;
  }
  const namespace = service?.xmlNamespace ?? "https://sts.amazonaws.com/doc/2011-06-15/";
  response.writeHead(error.status, { "content-type": "text/xml", "x-amzn-requestid": requestId });
  response.end(renderXmlError(error, namespace, requestId));
}
