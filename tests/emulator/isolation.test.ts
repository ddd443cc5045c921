/**
 * The emulator is a test and development tool. Nothing a production build bundles may import it, so
 * app/, components/, lib/ and proxy.ts must not reference emulator/. scripts/ and tests/ may.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const PRODUCTION_PATHS = ["app", "components", "lib", "proxy.ts"];
const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;

/** Matches static imports, re-exports, dynamic imports and require calls of a path that contains an `emulator` segment. */
const EMULATOR_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'`]([^"'`]*(?:^|[/@])emulator(?:\/[^"'`]*)?)["'`]/g;

function sourceFiles(path: string): string[] {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return [];
  if (stats.isFile()) return SOURCE_EXTENSIONS.test(path) ? [path] : [];
  return readdirSync(path).flatMap((entry) => (entry === "node_modules" ? [] : sourceFiles(join(path, entry))));
}

function emulatorImports(text: string): string[] {
  return [...text.matchAll(EMULATOR_IMPORT)].map((match) => match[1]!);
}

describe("emulator isolation", () => {
  it("finds the production sources", () => {
    const files = PRODUCTION_PATHS.flatMap((path) => sourceFiles(join(ROOT, path)));

    expect(files.length).toBeGreaterThan(10);
  });

  it("keeps emulator imports out of production code", () => {
    const offenders = PRODUCTION_PATHS.flatMap((path) => sourceFiles(join(ROOT, path))).flatMap((file) =>
      emulatorImports(readFileSync(file, "utf8")).map((specifier) => `${relative(ROOT, file)} imports "${specifier}"`),
    );

    expect(offenders, "production code must not import the AWS emulator; move the code to scripts/ or tests/").toEqual([]);
  });

  it.each([
    ['import { startEmulator } from "@/emulator/server";', ["@/emulator/server"]],
    ['import type { Faults } from "../../emulator/types";', ["../../emulator/types"]],
    ['const control = await import("@/emulator/client");', ["@/emulator/client"]],
    ['export * from "../emulator";', ["../emulator"]],
    ['const server = require("./emulator/server");', ["./emulator/server"]],
    ['import "@/emulator/main";', ["@/emulator/main"]],
    ['fetch(new URL("/_emulator/accounts", endpoint));', []],
    ['import { createEmulatorControl } from "@/lib/aws/emulator-settings-page";', []],
  ])("detects imports in %s", (text, expected) => {
    expect(emulatorImports(text)).toEqual(expected);
  });
});
