// 发票查询's selection, kept by key ('S:<id>' / 'P:<发票号码>') so it survives paging and sorting:
// rows ticked one by one or a page at a time (本页全选), or every invoice the applied filter
// matches (所有页全选 — "已选择全部 N 张", sent as the filter alone so the core walks all of them).
// `selection` is what 导出, 交付 and 发票下载 act on.
import { computed, ref, shallowRef } from 'vue'
import type { InvoiceFilterInput, InvoiceRow, InvoiceSelectionInput } from '../../../shared/api/invoiceQuery'

export function useInvoiceSelection(applied: () => InvoiceFilterInput, total: () => number) {
  const keys = shallowRef<ReadonlySet<string>>(new Set())
  /** 所有页全选: every invoice that matches, whatever page is shown */
  const all = ref(false)

  const count = computed(() => (all.value ? total() : keys.value.size))
  const isTicked = (row: Pick<InvoiceRow, 'key'>) => all.value || keys.value.has(row.key)

  /** ticking or unticking one row; in 所有页全选 that leaves it for the page shown, minus this row */
  function toggle(row: Pick<InvoiceRow, 'key'>, page: readonly Pick<InvoiceRow, 'key'>[]): void {
    const next = new Set(all.value ? page.map((r) => r.key) : keys.value)
    all.value = false
    if (next.has(row.key)) next.delete(row.key)
    else next.add(row.key)
    keys.value = next
  }

  /** 本页全选: ticks the page's rows (or unticks them when all were ticked) */
  function togglePage(page: readonly Pick<InvoiceRow, 'key'>[]): void {
    const ticked = page.length > 0 && page.every(isTicked)
    const next = new Set(all.value ? page.map((r) => r.key) : keys.value)
    all.value = false
    for (const r of page) {
      if (ticked) next.delete(r.key)
      else next.add(r.key)
    }
    keys.value = next
  }

  function selectAll(): void {
    all.value = true
    keys.value = new Set()
  }

  function clear(): void {
    all.value = false
    keys.value = new Set()
  }

  /** what the actions receive; null when nothing is selected */
  const selection = computed<InvoiceSelectionInput | null>(() => {
    if (all.value) return { filter: { ...applied() } }
    return keys.value.size > 0 ? { filter: { ...applied() }, keys: [...keys.value] } : null
  })

  return { keys, all, count, isTicked, toggle, togglePage, selectAll, clear, selection }
}
