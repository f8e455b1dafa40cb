// Autosave (issue #3 §4): a change is saved ~500 ms after the typing stops; saves run one at a time
// (the first creates the draft, the next must carry its id), and nothing is sent when the content
// equals what was last saved — so opening a draft, or a blank form, creates nothing. Every form's
// autosave can be flushed at once (flushAllAutosaves): the desktop shell asks before the window
// closes, the browser when the tab is hidden or left.
import { computed, getCurrentScope, onScopeDispose, ref } from 'vue'
import { formatClock } from '../../../../shared/timeText'

export const AUTOSAVE_DELAY_MS = 500

interface LiveAutosave {
  flush(): Promise<boolean>
  unsaved(): boolean
}
/** the autosaves of the forms open now */
const live = new Set<LiveAutosave>()

/** saves what every open form still holds; true when everything typed is saved */
export async function flushAllAutosaves(): Promise<boolean> {
  const saved = await Promise.all([...live].map((a) => a.flush()))
  return saved.every(Boolean)
}

/** whether a form holds typing not yet saved (or being saved) */
export function anyUnsaved(): boolean {
  return [...live].some((a) => a.unsaved())
}

export function useAutosave<T>(opts: { snapshot: () => T; save: (value: T) => Promise<void> }) {
  const saving = ref(false)
  const pending = ref(false)
  const savedAt = ref<Date | null>(null)
  const error = ref('')
  let saved = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null

  /** the content as it stands now counts as saved (a draft just opened, a blank form) */
  function baseline(at: Date | null): void {
    clearTimeout(timer)
    saved = JSON.stringify(opts.snapshot())
    pending.value = false
    error.value = ''
    savedAt.value = at
  }

  function changed(): void {
    pending.value = true
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
  }

  /** saves now what is unsaved; resolves true when everything typed is saved */
  async function flush(): Promise<boolean> {
    clearTimeout(timer)
    while (running) await running
    const value = opts.snapshot()
    const json = JSON.stringify(value)
    if (json === saved) {
      pending.value = false
      return error.value === ''
    }
    saving.value = true
    running = opts
      .save(value)
      .then(
        () => {
          saved = json
          savedAt.value = new Date()
          error.value = ''
        },
        (e: unknown) => {
          error.value = (e as Error).message
        },
      )
      .finally(() => {
        running = null
        saving.value = false
        pending.value = JSON.stringify(opts.snapshot()) !== saved
      })
    await running
    return error.value === ''
  }

  const status = computed(() => {
    if (error.value) return `自动保存失败：${error.value}`
    if (saving.value || pending.value) return '正在保存…'
    if (savedAt.value) return `已自动保存 ${formatClock(savedAt.value)}`
    return ''
  })

  if (getCurrentScope()) {
    const me: LiveAutosave = { flush, unsaved: () => pending.value || saving.value }
    live.add(me)
    onScopeDispose(() => live.delete(me))
  }

  return { status, error, baseline, changed, flush }
}
