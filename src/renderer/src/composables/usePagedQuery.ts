// The query half of a list screen: 查询条件 (what is typed vs. what was last searched), paging in
// the core, stale answers dropped, and a refresh when the core says the data changed.
import { onMounted, reactive, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import type { Page } from '../../../shared/api/define'
import { narrows } from './queryNarrows'
import { useDataChanged } from './useDataChanged'

export const PAGE_SIZES = [20, 50, 100]

export function usePagedQuery<R, Q extends object>(opts: {
  /** the data-changed entity that refreshes the list */
  entity: string
  emptyQuery: () => Q
  list: (q: Q, paging: { page: number; size: number }) => Promise<Page<R>>
}) {
  /** what is typed in the 查询条件 form */
  const form = reactive(opts.emptyQuery()) as Q
  /** the conditions of the last 查询: paging (and 导出) follow these, not half-typed ones */
  let applied = opts.emptyQuery()
  const paging = reactive({ page: 1, size: PAGE_SIZES[0]! })
  const rows = shallowRef<R[]>([])
  const total = ref(0)
  const loading = ref(false)
  /** the last 查询 narrowed the list: an empty answer means "nothing matches", not "nothing yet" */
  const filtered = ref(false)

  let seq = 0
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const page = await opts.list(applied, { ...paging })
      if (mine !== seq) return
      // the last rows of the last page were deleted: show the page before
      if (page.rows.length === 0 && page.total > 0 && paging.page > 1) {
        paging.page = Math.ceil(page.total / paging.size)
        return void load()
      }
      rows.value = page.rows
      total.value = page.total
    } catch (e) {
      ElMessage.error((e as Error).message)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function search(): void {
    applied = { ...form }
    filtered.value = narrows(applied, opts.emptyQuery())
    paging.page = 1
    void load()
  }

  function reset(): void {
    Object.assign(form, opts.emptyQuery())
    search()
  }

  onMounted(() => void load())
  useDataChanged([opts.entity], () => void load())

  return { form, paging, rows, total, loading, filtered, load, search, reset, applied: () => applied }
}
