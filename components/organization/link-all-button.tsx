"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { LinkAllEvent } from "@/lib/accounts/link-all";

type Result = Extract<LinkAllEvent, { type: "result" }>;

/** Starts Link all and shows its progress and the per-account results as they stream in. */
export function LinkAllButton({ managementAccountId }: { managementAccountId: string }) {
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [total, setTotal] = useState<number>();
  const [results, setResults] = useState<Result[]>([]);
  const [error, setError] = useState<string>();

  async function run() {
    setRunning(true);
    setResults([]);
    setError(undefined);
    try {
      const response = await fetch("/api/accounts/link-all", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ managementAccountId }),
      });
      if (!response.ok || !response.body) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
      await readEvents(response.body, (event) => {
        if (event.type === "start") setTotal(event.total);
        if (event.type === "result") setResults((previous) => [...previous, event]);
        if (event.type === "error") setError(event.message);
        if (event.type === "done") toast.success(`Link all finished: ${event.linked} linked, ${event.failed} failed, ${event.skipped} skipped.`);
      });
      router.refresh();
    } catch (caught) {
      setError(`Link all failed: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setRunning(false);
    }
  }

  const problems = results.filter((result) => result.outcome !== "linked");
  return (
    <div className="space-y-2">
      <Button onClick={run} disabled={running}>
        {running ? "Linking…" : "Link all"}
      </Button>
      {total !== undefined && (
        <p role="status" className="text-sm text-slate-600">
          {results.length} of {total} checked: {countOf(results, "linked")} linked, {countOf(results, "failed")} failed, {countOf(results, "skipped")}{" "}
          skipped
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <ul aria-label="Accounts not linked" className="max-h-64 space-y-1 overflow-y-auto rounded-md bg-slate-50 p-3 text-sm">
          {problems.map((problem) => (
            <li key={problem.accountId}>
              <span className="font-mono">{problem.accountId}</span> {problem.name}: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function countOf(results: Result[], outcome: Result["outcome"]): number {
  return results.filter((result) => result.outcome === outcome).length;
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: LinkAllEvent) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as LinkAllEvent);
  }
}
