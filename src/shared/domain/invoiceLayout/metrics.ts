// Text widths estimated without the font, so the layout runs anywhere (renderer, core, sandbox):
// CJK and full-width forms take 1 em, everything else about 0.6 em — a little over the shipped
// font's real advances (checked in font.test.ts), so a fitted text never leaves its cell.

const NARROW_EM = 0.6

/** East Asian wide characters (CJK, kana, hangul, full-width forms, CJK punctuation). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  )
}

export function emWidth(text: string): number {
  let w = 0
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 1 : NARROW_EM
  return w
}

export function textWidth(text: string, size: number): number {
  return emWidth(text) * size
}

/**
 * Breaks a text into lines no wider than `width` at `size`: by character, as Chinese text breaks,
 * keeping a run of ASCII letters and digits whole where it fits on a line of its own.
 */
export function wrapText(text: string, width: number, size: number): string[] {
  const maxEm = width / size
  const tokens = text.match(/[A-Za-z0-9.\-_%]+|[\s\S]/gu) ?? []
  const lines: string[] = []
  let line = ''
  let lineEm = 0
  const push = () => {
    lines.push(line.trimEnd())
    line = ''
    lineEm = 0
  }
  for (const token of tokens) {
    if (token === '\n') {
      push()
      continue
    }
    const em = emWidth(token)
    if (lineEm + em <= maxEm) {
      line += token
      lineEm += em
      continue
    }
    if (em <= maxEm) {
      if (line !== '') push()
      if (token.trim() === '') continue
      line = token
      lineEm = em
      continue
    }
    // a token longer than a whole line (a long code) breaks by character
    for (const ch of token) {
      const cw = emWidth(ch)
      if (lineEm + cw > maxEm && line !== '') push()
      line += ch
      lineEm += cw
    }
  }
  if (line !== '' || lines.length === 0) push()
  return lines
}

export interface Fitted {
  lines: string[]
  size: number
}

/**
 * The largest size from `size` down to `minSize` (in 0.1 mm steps) at which the text wraps into at
 * most `maxLines`; at `minSize` the lines beyond are cut and the last ends in '…'.
 */
export function fitText(text: string, width: number, size: number, minSize: number, maxLines: number): Fitted {
  for (let s = size; s >= minSize - 1e-9; s = Math.round((s - 0.1) * 10) / 10) {
    const lines = wrapText(text, width, s)
    if (lines.length <= maxLines) return { lines, size: s }
  }
  const lines = wrapText(text, width, minSize)
  const kept = lines.slice(0, maxLines)
  const last = kept.length - 1
  let cut = kept[last]!
  while (cut !== '' && textWidth(`${cut}…`, minSize) > width) cut = [...cut].slice(0, -1).join('')
  kept[last] = `${cut}…`
  return { lines: kept, size: minSize }
}

/** One line: the size at which the text fits `width`, never below `minSize` (then it is cut). */
export function fitLine(text: string, width: number, size: number, minSize: number): Fitted {
  return fitText(text, width, size, minSize, 1)
}
