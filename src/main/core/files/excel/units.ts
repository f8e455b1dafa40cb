// Sizes and counts as the bookkeeper reads them in messages.

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} 字节`
}

/** 200000 → "200,000" (digits grouped by hand: the first toLocaleString of a process loads the
 *  locale data, ~80 ms, and a sheet spec built when the core starts paid it on every CLI command) */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
