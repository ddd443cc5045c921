/**
 * Signature Version 4 verification. The request is rebuilt from its method, path, query, the headers
 * named in SignedHeaders and its body, signed again with the SDK's own signer and the secret of the
 * access key, and the two signatures are compared.
 */
import { createHash, timingSafeEqual } from "node:crypto";

import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

import { AwsError } from "./errors";

export interface SignedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/;

/** Parses the Authorization header, or returns undefined when the request has none. */
export function parseAuthorization(header: string | undefined): Authorization | undefined {
  if (header === undefined || header === "") return undefined;

  const match = AUTHORIZATION_PATTERN.exec(header.trim());
  if (!match) {
    throw new AwsError(
      "IncompleteSignature",
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${header}`,
      400,
    );
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  return {
    accessKeyId: accessKeyId!,
    date: date!,
    region: region!,
    service: service!,
    signedHeaders: signedHeaders!.split(";"),
    signature: signature!,
  };
}

/** Throws SignatureDoesNotMatch unless the request was signed with `secretAccessKey`. */
export async function verifySignature(
  request: SignedRequest,
  authorization: Authorization,
  secretAccessKey: string,
): Promise<void> {
  const amzDate = headerValue(request.headers, "x-amz-date");
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(authorization.date)) {
    throw signatureDoesNotMatch();
  }

  // A signed x-amz-content-sha256 header replaces the body in the canonical request, so it must
  // match the body that arrived.
  const contentHash = headerValue(request.headers, "x-amz-content-sha256");
  const hashed = contentHash !== undefined && contentHash !== "UNSIGNED-PAYLOAD" && !contentHash.startsWith("STREAMING-");
  if (hashed && contentHash !== createHash("sha256").update(request.body).digest("hex")) {
    throw signatureDoesNotMatch();
  }

  const headers: Record<string, string> = {};
  for (const name of authorization.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) throw signatureDoesNotMatch();
    headers[name] = value;
  }

  const query: Record<string, string | string[]> = {};
  for (const name of new Set(request.query.keys())) {
    const values = request.query.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }

  // The session token is already among the signed headers when the client sent one, so it is not
  // passed to the signer, which would otherwise add it again. applyChecksum is off for the same reason.
  const signer = new SignatureV4({
    service: authorization.service,
    region: authorization.region,
    credentials: { accessKeyId: authorization.accessKeyId, secretAccessKey },
    sha256: Sha256,
    applyChecksum: false,
  });
  const rebuilt = new HttpRequest({
    method: request.method,
    protocol: "http:",
    hostname: headers.host ?? "localhost",
    path: request.path,
    query,
    headers,
    body: request.body,
  });
  const signed = await signer.sign(rebuilt, {
    signingDate: parseAmzDate(amzDate),
    signableHeaders: new Set(authorization.signedHeaders),
  });

  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1] ?? "";
  const matches =
    expected.length === authorization.signature.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(authorization.signature));
  if (!matches) throw signatureDoesNotMatch();
}

function headerValue(headers: SignedRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  // SigV4 joins repeated headers with commas and trims each value.
  return (Array.isArray(value) ? value.join(",") : value).trim().replace(/\s+/g, " ");
}

function parseAmzDate(amzDate: string): Date {
  const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  return new Date(iso);
}

export function signatureDoesNotMatch(): AwsError {
  return new AwsError(
    "SignatureDoesNotMatch",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    403,
  );
}
