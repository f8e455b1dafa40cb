// The rows ticked in an el-table, kept across reloads. Element Plus drops every tick when the
// table's data is replaced, so a refresh from a data.changed event, or a refused batch delete,
// would silently lose the bookkeeper's choice.
import { nextTick, ref, shallowRef, type ShallowRef } from 'vue'
import type { TableInstance } from 'element-plus'

export function useTickedRows<R extends { id: number }>(rows: ShallowRef<R[]>) {
  const table = ref<TableInstance>()
  const ticked = shallowRef<R[]>([])

  function onSelectionChange(selected: R[]): void {
    ticked.value = selected
  }

  /** shows new rows, ticking again those that were ticked and are still there */
  async function replaceRows(next: R[]): Promise<void> {
    const keep = new Set(ticked.value.map((r) => r.id))
    rows.value = next
    await nextTick()
    for (const r of next) if (keep.has(r.id)) table.value?.toggleRowSelection(r, true)
  }

  return { table, ticked, onSelectionChange, replaceRows }
}
