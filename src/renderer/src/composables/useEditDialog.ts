// Which record a 新增 / 修改 dialog shows, and whether it is open: 新增 opens it empty.
import { ref, shallowRef } from 'vue'

export function useEditDialog<R>() {
  const open = ref(false)
  /** the record being changed; null adds a new one */
  const editing = shallowRef<R | null>(null)

  function add(): void {
    editing.value = null
    open.value = true
  }

  function edit(r: R): void {
    editing.value = r
    open.value = true
  }

  return { open, editing, add, edit }
}
