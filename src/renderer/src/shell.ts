// The window's side of the desktop shell — and what web mode can do of it: native menu items
// (navigate, 快捷键), the app-wide keys that are also menu items (新建发票, 设置), a spreadsheet dropped
// on the window or opened on the app's icon (files.identify → that import's screen, the file chosen
// in its dialog), and saving what autosave holds before the window closes (the shell asks; the
// browser gets the same when the tab is hidden or left).
import { ref } from 'vue'
import type { Router } from 'vue-router'
import { ElMessage } from 'element-plus'
import { NEW_INVOICE_PATH } from '../../shared/appCommands'
import { SETTINGS_PATH } from '../../shared/menuTree'
import type { FileRef } from '../../shared/api/define'
import { IMPORT_SCREENS } from '../../shared/api/files'
import { answerFlush, api, droppedFile, isDesktop, onShell } from './api'
import { offerFile, offerLapsesUnless } from './composables/offeredFile'
import { APP_KEYS } from './shortcuts'
import { useCompanyStore } from './stores/company'
import { anyUnsaved, flushAllAutosaves } from './views/invoice/useAutosave'

/** 帮助 → 快捷键 asks the frame to open its panel: each request counts one up */
export const shortcutsRequested = ref(0)

const refuse = (message: string) => ElMessage.error({ message, duration: 8000, showClose: true })

/** a spreadsheet from outside: its import's screen opens with it chosen, or the refusal says what was expected */
export async function openImport(file: FileRef, router: Router): Promise<void> {
  // a file opened on the icon can arrive while the window is still starting
  const company = useCompanyStore()
  if (!company.loaded) await company.load()
  if (!company.current) return void refuse('请先创建企业，再导入文件')
  try {
    const { kind } = await api.files.identify({ file: file.token })
    offerFile(kind, file)
    await router.push(IMPORT_SCREENS[kind].path)
  } catch (e) {
    refuse((e as Error).message)
  }
}

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false

export function installShell(router: Router): () => void {
  const offShell = onShell((m) => {
    if (m.type === 'navigate') void router.push(m.path)
    else if (m.type === 'shortcuts') shortcutsRequested.value++
    else if (m.type === 'openFile') void openImport(m.file, router)
    else void flushAllAutosaves().then((saved) => answerFlush(m.id, saved))
  })

  // without this the browser (or Electron) would open the dropped file in place of the app
  const dragover = (e: DragEvent) => {
    if (!carriesFiles(e)) return
    e.preventDefault()
    e.dataTransfer!.dropEffect = 'copy'
  }
  const drop = (e: DragEvent) => {
    if (!carriesFiles(e)) return
    e.preventDefault()
    const files = [...(e.dataTransfer?.files ?? [])]
    if (files.length !== 1) return void refuse(`一次只能拖入一个文件（拖入了 ${files.length} 个）`)
    void droppedFile(files[0]!).then(
      (file) => openImport(file, router),
      (err: unknown) => refuse((err as Error).message),
    )
  }

  const keydown = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return
    const to = APP_KEYS.newInvoice.matches(e) ? NEW_INVOICE_PATH : APP_KEYS.settings.matches(e) ? SETTINGS_PATH : null
    if (!to) return
    e.preventDefault()
    void router.push(to)
  }

  // the browser: save when the tab is hidden; ask before leaving a form whose typing is not saved yet
  const hidden = () => {
    if (document.visibilityState === 'hidden') void flushAllAutosaves()
  }
  const beforeunload = (e: BeforeUnloadEvent) => {
    if (!anyUnsaved()) return
    void flushAllAutosaves()
    e.preventDefault()
  }

  // an offer no dialog took (the screen was left, or the router sent elsewhere) is not kept for later
  const offRoute = router.afterEach((to) => offerLapsesUnless(to.path))

  window.addEventListener('dragover', dragover)
  window.addEventListener('drop', drop)
  window.addEventListener('keydown', keydown)
  if (!isDesktop) {
    document.addEventListener('visibilitychange', hidden)
    window.addEventListener('beforeunload', beforeunload)
  }
  return () => {
    offShell()
    offRoute()
    window.removeEventListener('dragover', dragover)
    window.removeEventListener('drop', drop)
    window.removeEventListener('keydown', keydown)
    document.removeEventListener('visibilitychange', hidden)
    window.removeEventListener('beforeunload', beforeunload)
  }
}
