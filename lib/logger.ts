import pino from "pino";

/** The portal's structured logger. Callers pass IDs, never credentials, passwords or full External IDs. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: ["password", "*.password", "secretAccessKey", "*.secretAccessKey", "sessionToken", "*.sessionToken", "externalId", "*.externalId"],
    censor: "[redacted]",
  },
});

/** Shortens an External ID for logs, so operators can tell workspaces apart without the secret. */
export function maskExternalId(externalId: string): string {
  return `${externalId.slice(0, 4)}…(${externalId.length})`;
}
