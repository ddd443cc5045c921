import { Sha256 } from "@aws-crypto/sha256-js";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { EmulatorControl, PlatformPrincipal } from "@/emulator/client";
import type { RunningEmulator } from "@/emulator/server";

import { clients, deployIntegrationRole, EXTERNAL_ID, rejection, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let control: EmulatorControl;
let platform: PlatformPrincipal;

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const INVALID_TOKEN = "The security token included in the request is invalid.";

beforeAll(async () => {
  ({ emulator, control } = await startTestEmulator());
  platform = await control.platform("aws");
});

afterAll(async () => {
  await emulator.close();
});

/** Signs an STS request with the SDK's signer, so a test can change it afterwards. */
async function signedRequest(body: string, extraHeaders: Record<string, string> = {}) {
  const url = new URL(emulator.endpoint);
  const request = new HttpRequest({
    method: "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    headers: { host: url.host, "content-type": "application/x-www-form-urlencoded", ...extraHeaders },
    body,
  });
  const signer = new SignatureV4({ service: "sts", region: "us-east-1", credentials: platform, sha256: Sha256 });
  return signer.sign(request);
}

async function send(headers: Record<string, string>, body: string) {
  const response = await fetch(emulator.endpoint + "/", { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

describe("SigV4 verification", () => {
  it("accepts a request signed by the SDK signer", async () => {
    const body = "Action=GetCallerIdentity&Version=2011-06-15";
    const signed = await signedRequest(body);
    const { host: _host, ...headers } = signed.headers;

    const response = await send(headers, body);
    expect(response.status).toBe(200);
    expect(response.text).toContain("<Arn>arn:aws:iam::123456789012:user/xops-portal</Arn>");
  });

  it("accepts the JSON protocol with X-Amz-Target", async () => {
    const target = { "content-type": "application/x-amz-json-1.0", "x-amz-target": "AWSSecurityTokenServiceV20110615.GetCallerIdentity" };
    const signed = await signedRequest("{}", target);
    const { host: _host, ...headers } = signed.headers;

    const response = await send(headers, "{}");
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ Account: "123456789012", Arn: platform.arn });
  });

  it("rejects a body changed after signing", async () => {
    const signed = await signedRequest("Action=GetCallerIdentity&Version=2011-06-15");
    const { host: _host, ...headers } = signed.headers;

    const response = await send(headers, "Action=GetCallerIdentity&Version=2011-06-15&Extra=1");
    expect(response.status).toBe(403);
    expect(response.text).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(response.text).toContain(`<Message>${SIGNATURE_MISMATCH}</Message>`);
  });

  it("rejects a request without authentication", async () => {
    const response = await send(
      { "content-type": "application/x-www-form-urlencoded" },
      "Action=GetCallerIdentity&Version=2011-06-15",
    );
    expect(response.status).toBe(403);
    expect(response.text).toContain("<Code>MissingAuthenticationToken</Code>");
    expect(response.text).toContain("<Message>Request is missing Authentication Token</Message>");
  });

  it("rejects a wrong secret key", async () => {
    const credentials = { accessKeyId: platform.accessKeyId, secretAccessKey: "x".repeat(40) };
    const error = await rejection(clients(emulator.endpoint, credentials).sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.message).toBe(SIGNATURE_MISMATCH);
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("rejects an unknown access key", async () => {
    const credentials = { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: platform.secretAccessKey };
    const error = await rejection(clients(emulator.endpoint, credentials).sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("InvalidClientTokenId");
    expect(error.message).toBe(INVALID_TOKEN);
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("rejects credentials of another partition", async () => {
    const error = await rejection(clients(emulator.endpoint, platform, "cn-north-1").sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("InvalidClientTokenId");
    expect(error.message).toBe(INVALID_TOKEN);

    const govError = await rejection(clients(emulator.endpoint, platform, "us-gov-west-1").sts.send(new GetCallerIdentityCommand({})));
    expect(govError.name).toBe("InvalidClientTokenId");
  });

  it("requires the session token of temporary credentials", async () => {
    const customer = await control.createAccount();
    const { roleArn } = await deployIntegrationRole(clients(emulator.endpoint, customer).cloudformation, platform.arn);
    const { Credentials } = await clients(emulator.endpoint, platform).sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "token-test", ExternalId: EXTERNAL_ID }),
    );
    const key = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey! };

    const missing = await rejection(clients(emulator.endpoint, key).sts.send(new GetCallerIdentityCommand({})));
    expect(missing.name).toBe("InvalidClientTokenId");
    expect(missing.message).toBe(INVALID_TOKEN);

    const wrong = await rejection(
      clients(emulator.endpoint, { ...key, sessionToken: "IQoJb3JpZ2luX2VjEwrong" }).sts.send(new GetCallerIdentityCommand({})),
    );
    expect(wrong.name).toBe("InvalidClientTokenId");
    expect(wrong.$metadata.httpStatusCode).toBe(403);
  });
});
