// Windowing for the 开票项 table: with 2,000 lines only the rows in view (and a few around them)
// are rendered. Row heights vary (a 折扣行, a line of errors), so each row's offset is summed once
// per change of those heights and the visible range found by binary search.
import { computed, ref, type Ref } from 'vue'
import { GRID_MAX_HEIGHT, HEAD_HEIGHT } from './lineLayout'

const OVERSCAN = 6

/** the first i with offsets[i + 1] > y */
function rowAt(offsets: number[], y: number): number {
  let lo = 0
  let hi = offsets.length - 2
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (offsets[mid + 1]! > y) hi = mid
    else lo = mid + 1
  }
  return Math.max(0, lo)
}

export function useLineWindow(count: () => number, heightOf: (row: number) => number, scroller: Ref<HTMLElement | undefined>) {
  const scrollTop = ref(0)

  const offsets = computed(() => {
    const n = count()
    const o = new Array<number>(n + 1)
    o[0] = 0
    for (let i = 0; i < n; i++) o[i + 1] = o[i]! + heightOf(i)
    return o
  })
  const bodyHeight = computed(() => offsets.value[offsets.value.length - 1]!)
  /** the table grows with its rows up to a ceiling, then scrolls */
  const height = computed(() => Math.min(HEAD_HEIGHT + bodyHeight.value + 14, GRID_MAX_HEIGHT))

  const range = computed(() => {
    const n = count()
    if (n === 0) return { start: 0, end: 0 }
    const view = height.value - HEAD_HEIGHT
    const start = Math.max(0, rowAt(offsets.value, scrollTop.value) - OVERSCAN)
    const end = Math.min(n, rowAt(offsets.value, scrollTop.value + view) + 1 + OVERSCAN)
    return { start, end }
  })

  function onScroll(): void {
    scrollTop.value = scroller.value?.scrollTop ?? 0
  }

  /** scrolls the least needed for the row to be in full view under the header */
  function reveal(row: number): void {
    const s = scroller.value
    if (!s) return
    const top = offsets.value[row] ?? 0
    const bottom = offsets.value[row + 1] ?? top
    const view = s.clientHeight - HEAD_HEIGHT
    if (top < s.scrollTop) s.scrollTop = top
    else if (bottom > s.scrollTop + view) s.scrollTop = bottom - view
    scrollTop.value = s.scrollTop
  }

  return { offsets, bodyHeight, height, range, onScroll, reveal }
}
