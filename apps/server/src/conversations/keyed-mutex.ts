/**
 * Runs tasks with the same key one at a time, in arrival order (other keys run concurrently).
 * Sends to one conversation go through it, so their turns never interleave.
 */
export interface KeyedMutex {
  /** Waits for the key, then resolves with a release function; call it exactly once. */
  acquire(key: string): Promise<() => void>;
}

export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<void>>();
  return {
    async acquire(key) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => done);
      tails.set(key, tail);
      await previous;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
        // The last holder of a key removes it, so idle conversations cost no memory.
        if (tails.get(key) === tail) tails.delete(key);
      };
    },
  };
}
