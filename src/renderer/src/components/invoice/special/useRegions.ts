// The 行政区划 names (codes.regions) the 特定业务 places are chosen from, read once per session (the
// issuing screen asks as it opens; its fields only read). The list is help, not a gate: when the core
// cannot give it, the fields stay plain text and the shared rules check only the province-level start
// (SpecialContext without regions); the next opening of the screen asks again.
import { shallowRef } from 'vue'
import { api } from '../../../api'
import { matchRegions } from './specialForm'

const SHOWN = 20

const names = shallowRef<readonly string[] | null>(null)
const set = shallowRef<ReadonlySet<string> | null>(null)
let loading: Promise<void> | null = null

/** reads the list unless it was read or is being read */
export function loadRegions(): Promise<void> {
  loading ??= api.codes.regions({}).then(
    (list) => {
      names.value = list
      set.value = new Set(list)
    },
    () => {
      loading = null
    },
  )
  return loading
}

export function useRegions() {
  /** the names matching what was typed (none while the list is unavailable: a plain text box) */
  const suggest = (text: string): string[] => (names.value ? matchRegions(names.value, text, SHOWN) : [])
  return { names, set, suggest }
}
