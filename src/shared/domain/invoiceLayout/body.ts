// The item area's flow: blocks of known height (an item row, a 特定信息 row) placed top to bottom and
// split into pages by the room the area has. A block may have a head (the 特定信息 captions) that is
// drawn before it wherever it begins a page or follows a block without that head, so captions are
// never left alone at a page's foot and every page of a long 运输 list names its columns.
import type { LayoutItem } from './types'

export interface BodyBlock {
  height: number
  /** its primitives with its top edge at `top` */
  draw: (top: number) => LayoutItem[]
  head?: BodyBlock
}

/** the blocks of each page, heads inserted where they are due; a page always takes at least one block */
export function paginate(blocks: readonly BodyBlock[], room: number): BodyBlock[][] {
  const pages: BodyBlock[][] = [[]]
  let used = 0
  let headed: BodyBlock | undefined
  for (const b of blocks) {
    const page = () => pages[pages.length - 1]!
    const need = () => b.height + (b.head && (headed !== b.head || page().length === 0) ? b.head.height : 0)
    if (used + need() > room + 1e-6 && page().length > 0) {
      pages.push([])
      used = 0
      headed = undefined
    }
    if (b.head && headed !== b.head) {
      page().push(b.head)
      used += b.head.height
    }
    page().push(b)
    used += b.height
    headed = b.head
  }
  return pages
}

/** a page's blocks drawn one under another from `top` */
export function drawBody(blocks: readonly BodyBlock[], top: number): LayoutItem[] {
  const items: LayoutItem[] = []
  let y = top
  for (const b of blocks) {
    items.push(...b.draw(y))
    y += b.height
  }
  return items
}
