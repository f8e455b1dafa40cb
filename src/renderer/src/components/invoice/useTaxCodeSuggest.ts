// 智能匹配 while a 项目名称 is typed (manual §1.1.4 step 5.2): after a short pause the core's
// taxcodes.match answers with codes and why each was suggested. One suggestion list serves the whole
// table; it follows the name cell being typed in. ↑/↓ pick a suggestion, Enter takes it, Esc closes;
// the last entry opens the full table for a code the matcher did not find.
import { reactive } from 'vue'
import type { TaxCodeMatchHit } from '../../../../shared/api/taxcodes'
import { api } from '../../api'

const MATCH_DELAY_MS = 200
const MATCH_TOP = 8

export type SuggestChoice = { kind: 'hit'; row: number; hit: TaxCodeMatchHit } | { kind: 'browse'; row: number }

export function useTaxCodeSuggest(onChoose: (c: SuggestChoice) => void) {
  const state = reactive({
    open: false,
    row: -1,
    anchor: null as HTMLElement | null,
    hits: [] as TaxCodeMatchHit[],
    /** -1: none; hits.length: the 编码表 entry */
    active: -1,
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0

  function close(): void {
    seq++
    clearTimeout(timer)
    state.open = false
    state.active = -1
  }

  /** the name in `row` is now `text`: match it once the typing pauses */
  function typed(row: number, anchor: HTMLElement, text: string): void {
    close()
    if (text.trim() === '') return
    const mine = seq
    timer = setTimeout(() => {
      api.taxcodes.match({ name: text, top: MATCH_TOP }).then(
        (hits) => {
          // a later keystroke, or the cursor has left the cell
          if (mine !== seq || document.activeElement !== anchor) return
          Object.assign(state, { open: true, row, anchor, hits, active: -1 })
        },
        // no suggestions is no obstacle: the 编码 can still be chosen from the table
        () => close(),
      )
    }, MATCH_DELAY_MS)
  }

  function choose(index: number): void {
    const hit = state.hits[index]
    const row = state.row
    close()
    onChoose(hit ? { kind: 'hit', row, hit } : { kind: 'browse', row })
  }

  /** handles the list's keys while it is open; true when the key was its */
  function key(e: KeyboardEvent): boolean {
    if (!state.open) return false
    const last = state.hits.length
    switch (e.key) {
      case 'ArrowDown':
        state.active = state.active >= last ? 0 : state.active + 1
        return true
      case 'ArrowUp':
        state.active = state.active <= 0 ? last : state.active - 1
        return true
      case 'Escape':
        close()
        return true
      case 'Enter':
        if (state.active < 0 || e.shiftKey || e.ctrlKey || e.altKey) return false
        choose(state.active)
        return true
      default:
        return false
    }
  }

  return { state, typed, close, choose, key }
}
