import { vi } from "vitest";
import { testSession } from "./helpers/session";

vi.mock("@/lib/auth/session", () => ({
  currentUserId: async () => testSession.userId,
}));

// next/navigation's redirect throws a NEXT_REDIRECT error; tests assert on it like Next.js would.
process.env.LOG_LEVEL ??= "silent";
