// Reads a MIME message the simple way (RFC 2045–2047 as nodemailer writes them): headers, the
// parts of multipart bodies, base64 and quoted-printable bodies, encoded-word headers. Enough to
// check what a mail carried without trusting the code that wrote it.
export interface MimePart {
  headers: Map<string, string>
  body: Buffer
  parts: MimePart[]
  /** from Content-Disposition or Content-Type name */
  filename: string | null
}

function decodeWords(s: string): string {
  return s.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)/g, '=?$1?$2?$3?=').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  )
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of text.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':')
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), decodeWords(line.slice(i + 1).trim()))
  }
  return headers
}

const param = (header: string | undefined, name: string): string | null => {
  if (!header) return null
  const star = new RegExp(`${name}\\*=(?:UTF-8'')?([^;]+)`, 'i').exec(header)
  if (star) return decodeURIComponent(star[1]!.replace(/"/g, ''))
  return new RegExp(`${name}="?([^";]+)"?`, 'i').exec(header)?.[1] ?? null
}

export function parseMime(raw: Buffer | string): MimePart {
  const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : Buffer.from(raw, 'utf8').toString('latin1')
  const split = text.indexOf('\r\n\r\n')
  const headers = parseHeaders(Buffer.from(text.slice(0, split), 'latin1').toString('utf8'))
  const rawBody = text.slice(split + 4)
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /^multipart\//i.test(type) ? param(type, 'boundary') : null
  const parts = boundary
    ? rawBody
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => parseMime(Buffer.from(p.replace(/^\r\n/, ''), 'latin1')))
    : []
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase()
  const body =
    encoding === 'base64'
      ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            rawBody.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          )
        : Buffer.from(rawBody, 'latin1')
  const filename = param(headers.get('content-disposition'), 'filename') ?? param(type, 'name')
  return { headers, body, parts, filename }
}

/** every leaf part, depth first */
export function leaves(p: MimePart): MimePart[] {
  return p.parts.length === 0 ? [p] : p.parts.flatMap(leaves)
}
