// The 行政区划 names (codes.regions) the 特定业务 places are chosen from, read once per session. The
// list is help, not a gate: when the core cannot give it, the fields stay plain text and the shared
// rules check only the province-level start (SpecialContext without regions).
import { shallowRef } from 'vue'
import { api } from '../../../api'

const SHOWN = 20

const names = shallowRef<readonly string[] | null>(null)
const set = shallowRef<ReadonlySet<string> | null>(null)
let loading: Promise<void> | null = null

function load(): Promise<void> {
  loading ??= api.codes.regions({}).then(
    (list) => {
      names.value = list
      set.value = new Set(list)
    },
    // no list: plain text inputs; asked again next time the screen opens
    () => {
      loading = null
    },
  )
  return loading
}

export function useRegions() {
  void load()
  /** up to 20 names containing every typed character in order (北京朝阳 → 北京市朝阳区) */
  function suggest(text: string): string[] {
    const list = names.value
    if (!list) return []
    const typed = [...text.trim()]
    const out: string[] = []
    for (const n of list) {
      let at = 0
      for (const ch of n) if (ch === typed[at]) at++
      if (at === typed.length) out.push(n)
      if (out.length === SHOWN) break
    }
    return out
  }
  return { names, set, suggest }
}
