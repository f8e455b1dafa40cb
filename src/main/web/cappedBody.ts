// A request body read with a ceiling: the bytes are counted as they arrive and reading stops at the
// first byte past it, so a huge or endless body costs at most `max` bytes of memory, whatever its
// Content-Length says (or whether it has one).

/** the text of the body, or null when it is larger than `max` bytes (nothing more is read) */
export async function readCappedText(req: Request, max: number): Promise<string | null> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (declared > max) return null
  if (!req.body) return ''
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
}
