// The read key is entered once per browser tab session and kept in
// sessionStorage, so it never outlives the tab and never reaches a URL.
const STORAGE_KEY = "llmscope-console:read-key";

export function savedReadKey(storage: Storage = sessionStorage): string | undefined {
  return storage.getItem(STORAGE_KEY) ?? undefined;
}

export function saveReadKey(key: string, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, key);
}

export function forgetReadKey(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}
