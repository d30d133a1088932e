// The key lives in session storage: it survives a reload of this tab but never reaches the URL,
// history or other tabs, and is gone when the tab closes.
const STORAGE_KEY = 'quarry.apiKey';

type Listener = (key: string | undefined) => void;
const listeners = new Set<Listener>();

export function readApiKey(): string | undefined {
  const key = sessionStorage.getItem(STORAGE_KEY);
  return key === null || key === '' ? undefined : key;
}

export function writeApiKey(key: string | undefined): void {
  if (key === undefined || key.trim() === '') sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, key.trim());
  const current = readApiKey();
  for (const listener of listeners) listener(current);
}

export function onApiKeyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authorizationHeader(): Record<string, string> {
  const key = readApiKey();
  return key === undefined ? {} : { authorization: `Bearer ${key}` };
}
