import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/** True when the environment names any AWS credential source the SDK's default chain would use. */
export function hasAwsConfiguration(env: NodeJS.ProcessEnv = process.env): boolean {
  const variables = [
    "AWS_ACCESS_KEY_ID",
    "AWS_PROFILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "XOPS_AWS_ENDPOINT_URL",
  ];
  if (variables.some((name) => env[name])) return true;

  const awsFolder = path.join(homedir(), ".aws");
  return existsSync(path.join(awsFolder, "credentials")) || existsSync(path.join(awsFolder, "config"));
}
