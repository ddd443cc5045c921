/** Faults applied to AWS API calls: connection resets, latency and throttling. Control requests never meet them. */
import { setTimeout as sleep } from "node:timers/promises";

import type { ServiceDefinition } from "./context";
import { throttling } from "./errors";
import type { Store } from "./state";

/** Returns true when the `resetRate` fault picks this call, whose connection must then be closed without a response. */
export function picksConnectionReset(store: Store): boolean {
  const { resetRate } = store.data.faults;
  return resetRate > 0 && store.random() < resetRate;
}

/** Waits for the configured latency, then throws the service's throttling error when `throttleRate` picks the call. */
export async function applyCallFaults(store: Store, service: ServiceDefinition): Promise<void> {
  const { latencyMs, throttleRate, throttleServices } = store.data.faults;
  if (latencyMs > 0) await sleep(latencyMs);

  const throttled = throttleServices.length === 0 || throttleServices.includes(service.signingName);
  if (throttled && throttleRate > 0 && store.random() < throttleRate) {
    throw service.throttlingError ? service.throttlingError() : throttling();
  }
}
