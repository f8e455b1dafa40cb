// A package loaded at its first use instead of when the core starts: the CLI's `invoices list`
// (and the app's first window) should not pay for a zip writer, a GBK encoder or an XML parser it
// never calls. Its CommonJS build, through require, so the functions that use it stay synchronous.
import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= load(id) as T)
}
