// A request body read with a ceiling: the bytes are counted as they arrive and reading stops at the
// first byte past it, so a huge or endless body costs at most `max` bytes of memory, whatever its
// Content-Length says (or whether it has one).

/**
 * How long the rest of a refused body is still read and thrown away. Closing at once, with the
 * client's bytes still arriving, makes the kernel answer them with a reset that can reach the client
 * before it has read our 413 (the "lingering close" of HTTP servers): this gives it time to read the
 * answer and stop, and then the connection closes whatever the client does.
 */
const LINGER_MS = 2000

/** the text of the body, or null when it is larger than `max` bytes (the rest is discarded) */
export async function readCappedText(req: Request, max: number): Promise<string | null> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (!req.body) return declared > max ? null : ''
  const reader = req.body.getReader()
  if (declared > max) {
    void discardRest(reader)
    return null
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      void discardRest(reader)
      return null
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), LINGER_MS)
  try {
    while (!(await reader.read()).done);
  } catch {
    // the client went away first: nothing is left to discard
  } finally {
    clearTimeout(timer)
  }
}
