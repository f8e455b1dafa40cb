// What every 上传 / 导入 dialog does with a file: 选择文件 (the native picker or the browser's),
// send it as a cancellable core job with its progress, say 已取消 when the user stopped it, keep the
// refusal to show, and ask before a close cancels a running job — the dialog closes once the core
// has stopped, so nothing is half done. A dialog given its import's kind also takes a file offered
// from outside (dropped on the window: offeredFile.ts) and opens with it chosen.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { FileRef } from '../../../shared/api/define'
import type { ImportKind } from '../../../shared/api/files'
import { ApiError, pickFile } from '../api'
import { onOffered, takeOffered } from './offeredFile'
import { useJob } from './useJob'

export interface FileUploadTexts {
  /** the picker's title */
  pick: string
  extensions: string[]
  /** said when the user cancelled: what was (not) changed */
  cancelled: string
  /** asked before a close cancels a running job */
  closeWhileRunning: string
}

/** a dialog that opens itself for a file offered to its import: its open state and its reset */
export interface OfferedTo {
  kind: ImportKind
  visible: { value: boolean }
  reset: () => void
}

export function useFileUpload(texts: FileUploadTexts, close: () => void, offeredTo?: OfferedTo) {
  const job = useJob()
  const file = ref<FileRef | null>(null)
  /** the core's refusal (its code tells the hint), or a picker's failure */
  const error = ref<{ code: string; message: string } | null>(null)
  const picking = ref(false)
  let closeWhenSettled = false

  const fail = (e: unknown) => {
    error.value = e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: (e as Error).message }
  }

  /** opens the picker; `picked` runs before the new file is kept (to clear an earlier result) */
  async function browse(picked?: () => void): Promise<void> {
    picking.value = true
    error.value = null
    try {
      const chosen = await pickFile(texts.pick, texts.extensions)
      if (chosen) {
        picked?.()
        file.value = chosen
      }
    } catch (e) {
      fail(e)
    } finally {
      picking.value = false
    }
  }

  /** sends the chosen file; its answer, or undefined when cancelled or refused (then `error` says why) */
  async function send<T>(call: (file: FileRef, jobId: string) => Promise<T>): Promise<T | undefined> {
    const chosen = file.value
    if (!chosen) return undefined
    error.value = null
    try {
      return await job.run((jobId) => call(chosen, jobId))
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CANCELLED') ElMessage.info(texts.cancelled)
      else fail(e)
      return undefined
    } finally {
      if (closeWhenSettled) {
        closeWhenSettled = false
        close()
      }
    }
  }

  /** el-dialog's before-close: a running job is cancelled only when the user says so */
  async function beforeClose(done: () => void): Promise<void> {
    if (!job.state.running) return done()
    try {
      await ElMessageBox.confirm(texts.closeWhileRunning, '取消导入', { confirmButtonText: '取消导入', cancelButtonText: '继续导入', type: 'warning' })
    } catch {
      return
    }
    closeWhenSettled = true
    await job.cancel()
  }

  /** takes the file offered to this dialog's import, if any, as the chosen file */
  function adopt(): void {
    const chosen = offeredTo && takeOffered(offeredTo.kind)
    if (!chosen) return
    file.value = chosen
    error.value = null
  }

  if (offeredTo) {
    onOffered(offeredTo.kind, () => {
      // a running import keeps its file; the offer waits for the dialog's next opening
      if (job.state.running) return
      if (offeredTo.visible.value) {
        offeredTo.reset()
        adopt()
      } else offeredTo.visible.value = true
    })
  }

  return { job, file, error, picking, browse, send, beforeClose, adopt }
}
