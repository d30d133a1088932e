/**
 * Polls `probe` until it returns true, for state outside the page (the emulator's counters) that
 * has no event to wait on. Generous deadline: the machine may be loaded.
 */
export async function until(
  probe: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
