// Nothing typed is lost when a dialog is closed by mistake (DESIGN.md §7): closing a form that
// was changed asks first.
import { ElMessageBox } from 'element-plus'

export type DirtyGuard = ReturnType<typeof useDirtyGuard>

export function useDirtyGuard(form: object) {
  let snapshot = ''

  /** the form as it is now counts as unchanged (after filling it for create / edit) */
  function mark() {
    snapshot = JSON.stringify(form)
  }

  function dirty(): boolean {
    return JSON.stringify(form) !== snapshot
  }

  /** true when the form may close: unchanged, or the user chose to discard the changes */
  async function mayDiscard(): Promise<boolean> {
    if (!dirty()) return true
    try {
      await ElMessageBox.confirm('填写的内容尚未保存，关闭后将丢失。确定放弃吗？', '放弃未保存的内容', {
        confirmButtonText: '放弃',
        cancelButtonText: '继续填写',
        type: 'warning',
      })
      return true
    } catch {
      return false
    }
  }

  /** for el-dialog's before-close (the × button and Esc) */
  function beforeClose(done: () => void) {
    void mayDiscard().then((ok) => ok && done())
  }

  return { mark, dirty, mayDiscard, beforeClose }
}
