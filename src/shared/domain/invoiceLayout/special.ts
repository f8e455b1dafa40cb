// 特定业务 on the invoice (docs/domain-rules.md §8): the kind's label beside the title, and its
// 特定信息 block — the columns specialPrintBlock names, one row of values per 特定业务 row (a 运输
// list may run to 2,000) — after the item rows, in the same flow, so a long list continues on the
// next pages with its captions repeated.
import { specialKindSpec } from '../specialBusiness/kinds'
import { specialPrintBlock } from '../specialBusiness/print'
import type { PlatformInvoice } from '../../platform/wire'
import type { BodyBlock } from './body'
import { line, text } from './draw'
import { COLOUR, FRAME, SPECIAL, TABLE } from './geometry'
import { fitText } from './metrics'
import type { LayoutItem } from './types'

/** the kind's label, on every page: read from the kind's spec, not from a print block of all its rows */
export function specialLabel(inv: PlatformInvoice): LayoutItem[] {
  const sb = inv.draft.specialBusiness
  if (!sb) return []
  const l = SPECIAL.label
  return [text(specialKindSpec(sb.kind).print.label, l.x, l.y, l.size, { role: 'label', colour: COLOUR.form, tag: 'specialKind' })]
}

/** baseline of a cell's `i`-th line in a block whose text starts at `top` (as the item rows set theirs) */
const baseline = (top: number, size: number, i: number) => top + size * 0.8 + 0.3 + i * TABLE.lineHeight

export function specialBlocks(inv: PlatformInvoice): BodyBlock[] {
  const sb = inv.draft.specialBusiness
  if (!sb || sb.rows.length === 0) return []
  const block = specialPrintBlock(sb)
  const left = FRAME.left + SPECIAL.labelColumn
  const width = (FRAME.right - left) / block.captions.length
  const room = width - 2 * TABLE.padding
  const x = (i: number) => left + i * width + TABLE.padding

  const captions = block.captions.map((c) => fitText(c, room, TABLE.headerSize, TABLE.minSize, 2))
  const headLines = Math.max(...captions.map((c) => c.lines.length))
  const head: BodyBlock = {
    height: SPECIAL.gap + headLines * TABLE.lineHeight,
    draw(top) {
      const y0 = top + SPECIAL.gap
      const items: LayoutItem[] = [line(FRAME.left, top + SPECIAL.gap / 2, FRAME.right, top + SPECIAL.gap / 2)]
      items.push(text('特定信息', FRAME.left + TABLE.padding, baseline(y0, TABLE.headerSize, 0), TABLE.headerSize, { role: 'label' }))
      captions.forEach((c, i) => c.lines.forEach((l, k) => items.push(text(l, x(i), baseline(y0, c.size, k), c.size, { role: 'label', maxWidth: room, tag: 'specialCaption' }))))
      return items
    },
  }

  return block.rows.map((values) => {
    const cells = values.map((v) => (v === '' ? { lines: [], size: TABLE.size } : fitText(v, room, TABLE.size, TABLE.minSize, SPECIAL.maxLines)))
    return {
      head,
      height: Math.max(1, ...cells.map((c) => c.lines.length)) * TABLE.lineHeight,
      draw: (top: number) => cells.flatMap((c, i) => c.lines.map((l, k) => text(l, x(i), baseline(top, c.size, k), c.size, { maxWidth: room, tag: 'specialValue' }))),
    }
  })
}
