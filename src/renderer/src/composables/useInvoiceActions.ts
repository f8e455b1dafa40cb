// What can be done to an invoice past 草稿, shared by 发票查询 and the detail dialog: 重试 one
// waiting to be sent, 修改 or 重新开票 one the platform refused, 复制 any into a new draft — a red
// invoice's 复制 copies the blue invoice it reversed (the core decides, and refuses without it).
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import type { InvoiceSummary } from '../../../shared/api/invoices'
import { api } from '../api'

type Target = Pick<InvoiceSummary, 'id' | 'state' | 'syncState' | 'colour' | 'blueNumber'>

/** 待开具 (waiting, or backing off after a network failure): sent again at once */
export const canRetry = (inv: Target): boolean => inv.state === 'queued' && inv.syncState !== 'sending'
/** 开具失败: editable, or re-queued as it stands (after the quota was raised, say) */
export const canFix = (inv: Target): boolean => inv.state === 'failed'

type Copied = Pick<InvoiceSummary, 'colour' | 'blueNumber'>
/** what 复制 does, on its button: a red invoice is never copied as it is (a negative blue draft) */
export const copyLabel = (inv: Copied): string => (inv.colour === 'red' ? '复制蓝字' : '复制')
export const copyTitle = (inv: Copied): string => (inv.colour === 'red' ? `以被红冲的蓝字发票 ${inv.blueNumber ?? ''} 的内容新建草稿` : '以此发票的内容新建草稿')

export function useInvoiceActions() {
  const router = useRouter()
  /** the invoice an action is running for: its buttons wait */
  const busy = ref<number | null>(null)

  async function run(id: number, action: () => Promise<void>): Promise<void> {
    busy.value = id
    try {
      await action()
    } catch (e) {
      ElMessage.error((e as Error).message)
    } finally {
      busy.value = null
    }
  }

  /** 重试 and 重新开票 are the same call: the core knows which the invoice needs */
  const retry = (inv: Target) =>
    run(inv.id, async () => {
      await api.sync.retry({ invoiceId: inv.id })
      ElMessage.success(inv.state === 'failed' ? '已重新开票：发票已排队，等待上传至平台' : '已重新发送至平台')
    })

  function edit(inv: Target): void {
    void router.push({ path: '/invoice/issue', query: { id: String(inv.id) } })
  }

  const copy = (inv: Target) =>
    run(inv.id, async () => {
      const copied = await api.invoices.copy({ id: inv.id })
      ElMessage.success(inv.colour === 'red' ? `已将蓝字发票 ${inv.blueNumber ?? ''} 复制为新草稿 ${copied.id}` : `已复制为新草稿 ${copied.id}`)
      await router.push({ path: '/invoice/issue', query: { id: String(copied.id) } })
    })

  return { busy, retry, edit, copy }
}
