// 智能匹配 while a 项目名称 is typed (manual §1.1.4 step 5.2): after a short pause the core's
// taxcodes.match answers with codes and why each was suggested. One suggestion list serves the whole
// table; it follows the name cell being typed in. ↑/↓ pick a suggestion, Enter takes it, Esc closes;
// the last entry opens the full table for a code the matcher did not find. Enter typed before the
// answer came (within the pause, or while it travels) is not lost: `pending` hands over the match
// of what was typed last, so the table can apply it when it arrives.
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
  /** the match of what was typed last, until it is shown or handed over */
  let last: { row: number; text: string; answer: Promise<TaxCodeMatchHit[]> | null } | null = null

  function close(): void {
    seq++
    clearTimeout(timer)
    state.open = false
    state.active = -1
  }

  function ask(text: string): Promise<TaxCodeMatchHit[]> {
    return api.taxcodes.match({ name: text, top: MATCH_TOP })
  }

  /** the name in `row` is now `text`: match it once the typing pauses */
  function typed(row: number, anchor: HTMLElement, text: string): void {
    close()
    last = null
    if (text.trim() === '') return
    const mine = seq
    const wanted = { row, text, answer: null as Promise<TaxCodeMatchHit[]> | null }
    last = wanted
    timer = setTimeout(() => {
      wanted.answer = ask(text)
      wanted.answer.then(
        (hits) => {
          if (last === wanted) last = null
          // a later keystroke, or the cursor has left the cell
          if (mine !== seq || document.activeElement !== anchor) return
          Object.assign(state, { open: true, row, anchor, hits, active: -1 })
        },
        // no suggestions is no obstacle: the 编码 can still be chosen from the table
        () => close(),
      )
    }, MATCH_DELAY_MS)
  }

  /**
   * The match of `row`'s name when it has not been shown yet: sent at once if the pause is still
   * running, the one on its way otherwise; null when there is none (shown already, or dismissed).
   */
  function pending(row: number): { text: string; answer: Promise<TaxCodeMatchHit[]> } | null {
    const p = last
    if (!p || p.row !== row) return null
    last = null
    if (p.answer) return { text: p.text, answer: p.answer }
    clearTimeout(timer)
    return { text: p.text, answer: ask(p.text) }
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
    const end = state.hits.length
    switch (e.key) {
      case 'ArrowDown':
        state.active = state.active >= end ? 0 : state.active + 1
        return true
      case 'ArrowUp':
        state.active = state.active <= 0 ? end : state.active - 1
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

  return { state, typed, pending, close, choose, key }
}
