// What a 新增 / 修改 dialog does around its own fields: errors beside the inputs, the dirty guard,
// and 保存 — check with the contract's schema, send, say so, close. An error that names no field
// (a record deleted meanwhile, a limit reached) goes to a toast, or, in the dialogs that show it,
// above the form.
import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { z } from 'zod'
import { useDirtyGuard } from './useDirtyGuard'
import { useFieldErrors } from './useFieldErrors'

export function useFormDialog(form: object, visible: Ref<boolean>, otherErrors: 'toast' | 'above') {
  const { errors, clear, check, fromError } = useFieldErrors()
  const guard = useDirtyGuard(form)
  const saving = ref(false)
  /** the error that names no field, when it shows above the form */
  const formError = ref('')

  /** the form was just filled for 新增 / 修改: nothing left from before, nothing changed yet */
  function filled(): void {
    clear()
    formError.value = ''
    guard.mark()
  }

  /** checks `value` with `schema`, then sends it; closes and says `done(saved)` once saved */
  async function save<S>(schema: z.ZodType, value: unknown, send: () => Promise<S>, done: (saved: S) => string): Promise<S | undefined> {
    formError.value = ''
    if (!check(schema, value)) return
    saving.value = true
    try {
      const saved = await send()
      ElMessage.success(done(saved))
      guard.mark()
      visible.value = false
      return saved
    } catch (e) {
      if (fromError(e)) return
      if (otherErrors === 'above') formError.value = (e as Error).message
      else ElMessage.error((e as Error).message)
    } finally {
      saving.value = false
    }
  }

  return { errors, guard, saving, formError, filled, save }
}
