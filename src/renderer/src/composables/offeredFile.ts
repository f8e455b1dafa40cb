// A spreadsheet opened from outside the screens (dropped on the window, on the dock / taskbar
// icon, 文件 → 导入…): once the core has said which import it is, it waits here for that import's
// dialog, which opens itself with the file already chosen (useFileUpload's `adopt`).
import { onMounted, shallowRef, watch } from 'vue'
import type { FileRef } from '../../../shared/api/define'
import { IMPORT_SCREENS, type ImportKind } from '../../../shared/api/files'

const offered = shallowRef<{ kind: ImportKind; file: FileRef } | null>(null)

export function offerFile(kind: ImportKind, file: FileRef): void {
  offered.value = { kind, file }
}

/** the window went elsewhere than the offered import's screen (another page, a redirect): the offer lapses */
export function offerLapsesUnless(path: string): void {
  const o = offered.value
  if (o && IMPORT_SCREENS[o.kind].path !== path) offered.value = null
}

/** the file offered to this import, taken (it is offered once) */
export function takeOffered(kind: ImportKind): FileRef | null {
  const o = offered.value
  if (o?.kind !== kind) return null
  offered.value = null
  return o.file
}

/**
 * runs `handler` when a file is offered to this import — also one offered before the screen opened,
 * once the dialog is mounted (its own watchers then see what the handler changes)
 */
export function onOffered(kind: ImportKind, handler: () => void): void {
  const check = () => {
    if (offered.value?.kind === kind) handler()
  }
  watch(offered, check)
  onMounted(check)
}
