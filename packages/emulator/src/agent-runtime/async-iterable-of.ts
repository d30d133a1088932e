/** Event-stream responses take an async iterable; agent-runtime messages are all known up front. */
export function asyncIterableOf<Item>(items: readonly Item[]): AsyncIterable<Item> {
  return {
    [Symbol.asyncIterator]() {
      const iterator = items[Symbol.iterator]();
      return { next: () => Promise.resolve(iterator.next()) };
    },
  };
}
