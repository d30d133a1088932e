/** The emulator's own counters, read over its admin API (it runs in another process). */
export interface EmulatorCounters {
  readonly requests: number;
  readonly connections: { readonly opened: number; readonly active: number };
}

export async function readCounters(emulatorUrl: string): Promise<EmulatorCounters> {
  const response = await fetch(new URL('/_emulator/stats', emulatorUrl));
  return (await response.json()) as EmulatorCounters;
}
