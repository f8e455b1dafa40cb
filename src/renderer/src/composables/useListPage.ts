// A list screen (DESIGN.md §7): 查询条件 (查询 / 重置), server-side paging, selection, 删除 and
// 批量删除 (asked first), 导出 of the whole query with progress, 下载导入模板. The screens add
// their columns and their form; components/ListScreen.vue shows the rest.
import { reactive, ref, shallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { FileRef, Page } from '../../../shared/api/define'
import type { ExportResult } from '../../../shared/api/importResult'
import { ApiError, saveFile } from '../api'
import { useJob } from './useJob'
import { PAGE_SIZES, usePagedQuery } from './usePagedQuery'

export { PAGE_SIZES }

export interface ListPageOptions<R, Q> {
  /** 项目 / 客户, in messages */
  label: string
  /** the data-changed entity that refreshes the list */
  entity: string
  emptyQuery: () => Q
  /** blank conditions are left out */
  list: (q: Partial<Q> & { page: number; size: number }) => Promise<Page<R>>
  remove: (ids: number[]) => Promise<{ deleted: number }>
  exportAll: (q: Partial<Q>, jobId: string) => Promise<ExportResult>
  template: () => Promise<FileRef>
  /** how a record is named in the delete confirmation */
  describe: (r: R) => string
}

export function useListPage<R extends { id: number }, Q extends Record<string, string | undefined>>(opts: ListPageOptions<R, Q>) {
  const query = usePagedQuery<R, Q>({ entity: opts.entity, emptyQuery: opts.emptyQuery, list: (q, paging) => opts.list({ ...withoutBlanks(q), ...paging }) })
  const { form, paging, rows, total, loading, filtered, load, search, reset } = query
  const selection = shallowRef<R[]>([])
  const exportJob = useJob()
  const templating = ref(false)

  function onSelectionChange(selected: R[]) {
    selection.value = selected
  }

  async function confirmAndRemove(targets: R[], question: string) {
    try {
      await ElMessageBox.confirm(question, '确认删除', { confirmButtonText: '删除', cancelButtonText: '取消', type: 'warning' })
    } catch {
      return
    }
    try {
      const { deleted } = await opts.remove(targets.map((r) => r.id))
      ElMessage.success(`已删除 ${deleted} 个${opts.label}`)
    } catch (e) {
      ElMessage.error((e as Error).message)
    }
    await load()
  }

  function removeOne(r: R) {
    return confirmAndRemove([r], `确定删除${opts.label}“${opts.describe(r)}”吗？删除后不能恢复。`)
  }

  function removeSelected() {
    const targets = selection.value
    if (targets.length === 0) return
    return confirmAndRemove(targets, `确定删除选中的 ${targets.length} 个${opts.label}吗？删除后不能恢复。`)
  }

  async function exportAll() {
    if (total.value === 0) {
      ElMessage.warning(`没有符合查询条件的${opts.label}可导出`)
      return
    }
    try {
      const { file, count } = await exportJob.run((jobId) => opts.exportAll(withoutBlanks(query.applied()), jobId))
      await saveFile(file)
      ElMessage.success(`已导出 ${count} 个${opts.label}`)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CANCELLED') ElMessage.info('已取消导出')
      else ElMessage.error((e as Error).message)
    }
  }

  async function downloadTemplate() {
    templating.value = true
    try {
      await saveFile(await opts.template())
    } catch (e) {
      ElMessage.error((e as Error).message)
    } finally {
      templating.value = false
    }
  }

  // one reactive object: the screen hands it whole to ListScreen, and templates read it unwrapped
  return reactive({
    form,
    paging,
    rows,
    total,
    loading,
    filtered,
    selection,
    exportJob,
    templating,
    load,
    search,
    reset,
    onSelectionChange,
    removeOne,
    removeSelected,
    exportAll,
    downloadTemplate,
  })
}

export type ListPage<R extends { id: number }, Q extends Record<string, string | undefined>> = ReturnType<typeof useListPage<R, Q>>

/** '' in a select or a box means "any": the core takes an absent condition, not an empty one */
function withoutBlanks<Q extends Record<string, string | undefined>>(q: Q): Partial<Q> {
  const out: Partial<Q> = {}
  for (const [k, v] of Object.entries(q) as [keyof Q, Q[keyof Q]][]) if (v !== undefined && v.trim() !== '') out[k] = v
  return out
}
