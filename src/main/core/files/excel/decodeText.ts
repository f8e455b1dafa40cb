// Text files as Chinese offices produce them: UTF-8 (with or without BOM) from newer tools, GBK /
// GB18030 from Excel's and WPS's "CSV" on Chinese Windows, UTF-16 from Excel's "Unicode 文本".
// GBK bytes are almost never valid UTF-8, so "strict UTF-8, else GB18030" tells them apart.

export function decodeText(bytes: Uint8Array): string {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]]
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** Binary content decodes to control characters that no spreadsheet text contains. */
export function looksLikeText(s: string): boolean {
  return !/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(s)
}
