// Text widths without opening the font, so the layout runs anywhere (renderer, core, sandbox): the
// shipped font's (LXGW WenKai, resources/fonts) advances for printable ASCII, 1 em for everything
// else — exact for CJK, a little over for the rest — so a fitted text never leaves its cell.
// documents/font.test.ts checks the table against the font file.

/** advance widths of U+0020–U+007E in 1/1000 em */
export const ASCII_ADVANCES = [
  350, 350, 350, 600, 600, 800, 700, 350, 350, 350, 500, 600, 350, 350, 350, 350, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 350, 350, 600, 600, 600, 600, 784, 690, 650,
  703, 728, 638, 582, 752, 700, 304, 492, 630, 547, 855, 738, 745, 618, 745, 635, 617, 577, 710, 620, 880, 600, 600, 600, 350, 350, 350, 600, 500, 500, 575, 573, 530, 575, 543,
  370, 580, 588, 263, 301, 510, 263, 816, 588, 562, 572, 576, 430, 510, 360, 590, 490, 730, 500, 500, 490, 350, 350, 350, 600,
] as const

export function emWidth(text: string): number {
  let w = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    w += code >= 0x20 && code <= 0x7e ? ASCII_ADVANCES[code - 0x20]! / 1000 : 1
  }
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
