// One batch as its screen follows it: read by id, and read again — at most once a second, so a
// thousand answers arriving together cost a handful of reads — whenever the core says invoices
// changed or one came back from the platform. While invoices are still on their way a slow timer
// reads it too, in case the news came while the window was away (the sync runs in the background).
import { onMounted, onUnmounted, ref, shallowRef } from 'vue'
import type { BatchSummary } from '../../../../shared/api/batch'
import { api, onEvent } from '../../api'
import { settled } from '../../components/batch/batchText'

const COALESCE_MS = 1000
const FALLBACK_MS = 5000

export function useBatch(id: () => number) {
  const batch = shallowRef<BatchSummary | null>(null)
  const loading = ref(false)
  /** bumped on every fresh reading, for the invoices table to reload its page */
  const version = ref(0)
  const missing = ref('')

  let seq = 0
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const got = await api.batch.get({ id: id() })
      if (mine !== seq) return
      batch.value = got
      version.value++
    } catch (e) {
      if (mine === seq) missing.value = (e as Error).message
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** after 批量开具 / 放弃 the core's answer is the batch itself */
  function show(b: BatchSummary): void {
    seq++
    batch.value = b
    version.value++
  }

  let pending: ReturnType<typeof setTimeout> | undefined
  function soon(): void {
    pending ??= setTimeout(() => {
      pending = undefined
      void load()
    }, COALESCE_MS)
  }

  let off: (() => void) | undefined
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    void load()
    off = onEvent((e) => {
      if (e.type === 'invoice.settled' || (e.type === 'data.changed' && ['invoices', 'batch', 'company'].includes(e.entity))) soon()
    })
    timer = setInterval(() => {
      if (batch.value && !settled(batch.value)) void load()
    }, FALLBACK_MS)
  })
  onUnmounted(() => {
    off?.()
    clearInterval(timer)
    clearTimeout(pending)
  })

  return { batch, loading, version, missing, load, show }
}
