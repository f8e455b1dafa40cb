// 同步 as the whole window sees it (DESIGN.md §5): the core's SyncStatus for the top bar and the
// 授信额度 panel, 立即同步, and what to tell the bookkeeper when an invoice comes back from the
// platform. The issuing screen claims the invoice it shows: it answers with its own dialog, so
// the same news is not also shown as a notification.
import { defineStore } from 'pinia'
import { h, ref, watch } from 'vue'
import { ElMessage, ElNotification } from 'element-plus'
import type { SyncResult, SyncStatus } from '../../../shared/api/sync'
import type { InvoiceSettledEvent } from '../../../shared/events'
import { api, onEvent } from '../api'
import { groupedMoney } from '../../../shared/moneyText'
import { useCompanyStore } from './company'

type SettledHandler = (e: InvoiceSettledEvent) => void

/** answers closer together than this are one burst — a 批量开具 settling */
const BURST_MS = 3000
/** a burst shows this many notifications of their own, then one summary counting the rest */
const BURST_SHOWN = 3

/** what 立即同步 did, in one sentence */
export function describeResult(r: SyncResult): string {
  const parts = [`上传 ${r.pushed} 张`, `拉取 ${r.pulled} 条变更`]
  if (r.rejected > 0) parts.push(`平台拒绝 ${r.rejected} 张`)
  if (r.pending > 0) parts.push(`待上传 ${r.pending} 张`)
  return parts.join('，')
}

export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null)
  /** 立即同步 was pressed and has not answered yet */
  const syncing = ref(false)
  const claims = new Map<number, SettledHandler>()
  let started = false

  async function load(): Promise<void> {
    try {
      status.value = await api.sync.status({})
    } catch {
      // the top bar keeps its last figures; the next sync.status event brings fresh ones
    }
  }

  async function syncNow(): Promise<void> {
    if (syncing.value) return
    syncing.value = true
    try {
      const r = await api.sync.now({})
      if (r.error) ElMessage.warning(`同步未完成：${r.error}（${describeResult(r)}）`)
      else ElMessage.success(`同步完成：${describeResult(r)}`)
    } catch (e) {
      ElMessage.error(`同步失败：${(e as Error).message}`)
    } finally {
      syncing.value = false
      void load()
    }
  }

  /**
   * The screen that shows this invoice answers its settlement itself (the success dialog, its
   * banner). Returns the release, to call when the screen moves to another invoice or closes.
   */
  function claim(invoiceId: number, handler: SettledHandler): () => void {
    claims.set(invoiceId, handler)
    return () => {
      if (claims.get(invoiceId) === handler) claims.delete(invoiceId)
    }
  }

  // a thousand invoices of a batch settling must not become a thousand notifications
  const burst = { last: 0, shown: 0, issued: 0, rejected: 0, open: false }
  const burstText = ref('')
  function summarise(e: InvoiceSettledEvent): void {
    if (e.outcome === 'issued') burst.issued++
    else burst.rejected++
    const counts = [burst.issued > 0 ? `${burst.issued} 张发票已开具` : '', burst.rejected > 0 ? `${burst.rejected} 张开具失败` : ''].filter(Boolean)
    burstText.value = `另有 ${counts.join('，')}。在发票查询中查看（点击打开）`
    if (burst.open) return
    burst.open = true
    ElNotification({
      type: 'info',
      title: '发票开具结果',
      message: () => h('span', { 'data-testid': 'settled-summary' }, burstText.value),
      duration: 0,
      customClass: 'settled-notification',
      onClick: () => (location.hash = '#/invoice/list'),
      onClose: () => (burst.open = false),
    })
  }

  function settled(e: InvoiceSettledEvent): void {
    const claimed = claims.get(e.invoiceId)
    if (claimed) return claimed(e)
    const now = Date.now()
    if (now - burst.last > BURST_MS && !burst.open) Object.assign(burst, { shown: 0, issued: 0, rejected: 0 })
    burst.last = now
    if (burst.shown >= BURST_SHOWN) return summarise(e)
    burst.shown++
    // elsewhere in the app: a notification that opens the invoice when clicked. The hash is set
    // directly: the router imports the layout, which imports this store.
    const open = () => (location.hash = `#/invoice/issue?id=${e.invoiceId}`)
    if (e.outcome === 'issued')
      ElNotification({
        type: 'success',
        title: '发票已开具',
        message: `发票号码 ${e.number ?? ''}，开具金额 ¥${groupedMoney(e.total ?? '')}（点击查看）`,
        duration: 8000,
        customClass: 'settled-notification',
        onClick: open,
      })
    else
      ElNotification({
        type: 'error',
        title: '开具失败',
        message: `${e.message || '平台未说明原因'}。在发票查询中修改后重新开票（点击打开）`,
        // a refusal waits for the bookkeeper: it must be fixed
        duration: 0,
        customClass: 'settled-notification',
        onClick: open,
      })
  }

  /** once, when the window has its company: the status now and on every change */
  function start(): void {
    if (started) return
    started = true
    const company = useCompanyStore()
    // the core sends sync.status whenever the counts move (a sync, a queued or edited invoice);
    // a company switch is read here at once
    onEvent((e) => {
      if (e.type === 'sync.status') status.value = e.status
      else if (e.type === 'invoice.settled') settled(e)
    })
    watch(
      () => company.current?.taxId,
      () => void load(),
      { immediate: true },
    )
  }

  return { status, syncing, load, syncNow, claim, start }
})
