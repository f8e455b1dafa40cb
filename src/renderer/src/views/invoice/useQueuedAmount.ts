// What is queued here and not yet issued (待开具): the 授信额度 panel subtracts its 金额 from the
// platform's last reading (DOMAIN.md §3). Summed in integer 分 over every page of the queue.
import { onMounted, ref } from 'vue'
import { fenOfText, moneyFromFen } from '../../../../shared/domain/invoice'
import { api } from '../../api'
import { useDataChanged } from '../../composables/useDataChanged'

const PAGE = 500

export function useQueuedAmount() {
  const amount = ref('0.00')
  const count = ref(0)

  async function load(): Promise<void> {
    let fen = 0n
    let seen = 0
    for (let page = 1; ; page++) {
      const { rows, total } = await api.invoices.list({ state: 'queued', page, size: PAGE })
      for (const r of rows) fen += BigInt(fenOfText(r.totals.amount) ?? 0)
      seen += rows.length
      if (rows.length === 0 || seen >= total) break
    }
    amount.value = moneyFromFen(fen)
    count.value = seen
  }

  // the panel is a hint: a failed read leaves the last figure rather than interrupting the form
  const reload = () => void load().catch(() => undefined)
  onMounted(reload)
  useDataChanged(['invoices'], reload)
  return { amount, count }
}
