// What both tabs of 附加要素信息维护 do with their list: a 名称 query, the rows (answers arriving
// out of order are dropped), ticks kept across reloads, 删除 asked first, and how many elements the
// company has — the limit counts them all, and a template needs at least one.
import { onMounted, ref, shallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useDataChanged } from '../../../composables/useDataChanged'
import { useTickedRows } from '../../../composables/useTickedRows'

export interface ExtrasTabOptions<R> {
  /** 附加要素 / 场景模板, in messages */
  label: string
  /** the data-changed entities that refresh the list */
  entities: string[]
  /** the rows whose 名称 contains `name` (all without one), and how many elements there are */
  fetch: (name: string | undefined) => Promise<{ rows: R[]; elements: number }>
  remove: (ids: number[]) => Promise<{ deleted: number }>
  /** what the delete confirmation warns of after its question */
  warning: string
  /** shows a failed delete that needs more than a toast; true when it did */
  explain?: (e: unknown) => Promise<boolean>
}

export function useExtrasTab<R extends { id: number; name: string }>(opts: ExtrasTabOptions<R>) {
  const query = ref('')
  const rows = shallowRef<R[]>([])
  const elements = ref(0)
  const loading = ref(false)
  const { table, ticked, onSelectionChange, replaceRows } = useTickedRows(rows)

  /** the 名称 of the last 查询: a refresh follows it, not what is half-typed in the box */
  const applied = ref('')
  // answers can arrive out of order (查询 typed quickly, a refresh event meanwhile): keep the last
  let latest = 0

  async function load(): Promise<void> {
    const seq = ++latest
    loading.value = true
    try {
      const answer = await opts.fetch(applied.value || undefined)
      if (seq !== latest) return
      elements.value = answer.elements
      await replaceRows(answer.rows)
    } catch (e) {
      if (seq === latest) ElMessage.error((e as Error).message)
    } finally {
      if (seq === latest) loading.value = false
    }
  }

  function search(): void {
    applied.value = query.value.trim()
    void load()
  }

  function reset(): void {
    query.value = ''
    search()
  }

  async function remove(targets: R[]): Promise<void> {
    const what = targets.length === 1 ? `${opts.label}“${targets[0]?.name}”` : `选中的 ${targets.length} 个${opts.label}`
    try {
      await ElMessageBox.confirm(`确定删除${what}吗？${opts.warning}`, `删除${opts.label}`, {
        confirmButtonText: '删除',
        cancelButtonText: '取消',
        type: 'warning',
      })
    } catch {
      return
    }
    try {
      const { deleted } = await opts.remove(targets.map((t) => t.id))
      ElMessage.success(`已删除 ${deleted} 个${opts.label}`)
    } catch (e) {
      if (!(await opts.explain?.(e))) ElMessage.error((e as Error).message)
    }
    await load()
  }

  useDataChanged(opts.entities, () => void load())
  onMounted(load)

  return { query, applied, rows, elements, loading, table, ticked, onSelectionChange, load, search, reset, remove }
}
