// The app-wide commands that are both a key in the window and an item of the native menu: one
// definition, so the accelerator the menu shows is the key the window answers (the renderer's
// shortcuts.ts matches the keys, the shell's menu shows `accelerator`, the 快捷键 panel lists `keys`).

export interface AppCommand {
  /** as the 快捷键 panel shows it */
  keys: string
  label: string
  /** Electron's accelerator: shown in the native menu; the window itself answers the key */
  accelerator: string
}

export const APP_COMMANDS = {
  help: { keys: 'F1 / ?', label: '打开快捷键一览', accelerator: 'F1' },
  newInvoice: { keys: 'Ctrl+N（macOS：⌘N）', label: '新建发票（电子发票开具）', accelerator: 'CmdOrCtrl+N' },
  settings: { keys: 'Ctrl+,（macOS：⌘,）', label: '打开设置', accelerator: 'CmdOrCtrl+,' },
} satisfies Record<string, AppCommand>

/** 新建发票 opens the issuing screen */
export const NEW_INVOICE_PATH = '/invoice/issue'
