// Formula injection (公式注入): text starting with = + - @ (after any spaces), or with a tab or CR,
// may be evaluated as a formula when an export is opened as CSV or pasted into Excel/WPS. Exports
// prefix such text with one apostrophe; the reader removes exactly that apostrophe, so an export
// re-imports unchanged. Leading apostrophes are part of the pattern, which makes the pair exact:
// unguardCellText(safeCellText(s)) === s for every s, and unguard leaves any other text alone.
const RISKY = /^'*(?:[\t\r]|\s*[=+\-@])/

export function safeCellText(s: string): string {
  return RISKY.test(s) ? `'${s}` : s
}

export function unguardCellText(s: string): string {
  return s.charCodeAt(0) === 0x27 && RISKY.test(s.slice(1)) ? s.slice(1) : s
}
