// Decodes a QR code drawn as SVG by the qrcode package (one stroked path of horizontal runs:
// `M x y.5 h n m dx dy …`): the runs are painted into a bitmap, scaled up, and read by jsQR — an
// independent reader, not our encoder.
import jsQR from 'jsqr'

export function decodeQrSvg(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1])
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1]
  if (!size || !d) return null
  const dark = new Uint8Array(size * size)
  let x = 0
  let y = 0
  for (const [, cmd, args] of d.matchAll(/([MmHh])([^MmHh]*)/g)) {
    const n = args!
      .trim()
      .split(/[\s,]+/)
      .map(Number)
    if (cmd === 'M') [x, y] = [n[0]!, n[1]!]
    else if (cmd === 'm') [x, y] = [x + n[0]!, y + n[1]!]
    else {
      const to = cmd === 'h' ? x + n[0]! : n[0]!
      for (let c = x; c < to; c++) dark[Math.floor(y) * size + c] = 1
      x = to
    }
  }
  const scale = 8
  const w = size * scale
  const rgba = new Uint8ClampedArray(w * w * 4)
  for (let py = 0; py < w; py++)
    for (let px = 0; px < w; px++) {
      const v = dark[Math.floor(py / scale) * size + Math.floor(px / scale)] ? 0 : 255
      rgba.set([v, v, v, 255], (py * w + px) * 4)
    }
  return jsQR(rgba, w, w)?.data ?? null
}
