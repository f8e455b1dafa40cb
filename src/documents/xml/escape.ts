// Text into XML: the five markup characters escaped, and characters XML 1.0 cannot carry (C0
// controls other than tab and line breaks, and the C1 / line-separator controls the platform refuses
// anyway — shared/domain/controlChars) dropped, so one bad byte in a name can never make a file
// unreadable. Shared by the invoice XML and the OFD parts.

const UNCARRIABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g
const MARKUP = /[&<>"'\r]/g
/** most texts need neither: one test instead of two replacements (2,000-line invoices) */
const NEEDS_WORK = /[&<>"'\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' }

/** the text without the characters an XML file may not hold */
export function xmlSafe(text: string): string {
  return text.replace(UNCARRIABLE, '')
}

/** text for an element's content or an attribute value (a CR is kept as &#13;, else parsers fold it) */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text
  return xmlSafe(text).replace(MARKUP, (c) => ENTITY[c]!)
}
