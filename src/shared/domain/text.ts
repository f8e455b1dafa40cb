// Text as bookkeepers type it: full-width digits and letters in IDs pasted from documents.
// (String.prototype.trim already removes full-width U+3000 and no-break spaces.)

/** Full-width ASCII variants (！ to ～) to their half-width forms; U+3000 to a space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** An identifier as it should be stored: half-width, upper case, no spaces inside. */
export function normalizeCode(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0]/g, '')
    .toUpperCase()
}

/** Length as the platform counts it: characters (code points), not UTF-16 units. */
export function charLength(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}
