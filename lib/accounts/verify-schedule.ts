/** Settings of the scheduled re-verification, from the environment, shared by the script and the cron route. */
export function scheduleSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    olderThanHours: positiveNumber(env.XOPS_VERIFY_OLDER_THAN_HOURS, 24),
    concurrency: positiveNumber(env.XOPS_VERIFY_CONCURRENCY, 5),
  };
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
