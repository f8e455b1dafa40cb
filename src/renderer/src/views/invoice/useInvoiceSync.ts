// The issuing screen's side of sync: it claims the invoice it shows (its settlement comes here —
// the success dialog — instead of a notification), follows its live state while it waits for the
// platform, offers 重试, and reads the 授信额度 the engine last brought.
import { computed, onUnmounted, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { InvoiceSettledEvent } from '../../../../shared/events'
import { api } from '../../api'
import { useSyncStore } from '../../stores/sync'

export function useInvoiceSync(opts: {
  id: Ref<number | null>
  /** re-reads the invoice (only while it waits or is being queued; the editor decides) */
  refresh: () => Promise<void>
  settled: (e: InvoiceSettledEvent) => void
}) {
  const sync = useSyncStore()

  let release: (() => void) | undefined
  watch(
    opts.id,
    (id) => {
      release?.()
      release = id === null ? undefined : sync.claim(id, opts.settled)
    },
    { immediate: true },
  )
  onUnmounted(() => release?.())

  // every status event follows a step of a sync run (sending, retrying, done): the waiting invoice
  // may have moved with it. The editor decides whether to re-read — also while 开票 is still
  // reading the invoice it queued, whose answer may predate the run's last step.
  watch(
    () => sync.status,
    () => void opts.refresh(),
  )

  const quota = computed(() => sync.status?.quota ?? null)
  /** the platform is unreachable now: the reason, for the banner of a waiting invoice */
  const offline = computed(() => (sync.status?.online === false ? (sync.status.lastError ?? '无法连接税务平台') : null))

  /** 重试: a waiting invoice is sent again at once */
  async function retry(): Promise<void> {
    if (opts.id.value === null) return
    try {
      await api.sync.retry({ invoiceId: opts.id.value })
      ElMessage.success('已重新发送，等待平台开具')
    } catch (e) {
      ElMessage.error((e as Error).message)
    }
  }

  return { quota, offline, retry }
}
