// The native menu bar, as data: the app menu (macOS), 文件, 编辑, 视图, the menu tree's groups —
// the very tree the window's left menu draws (shared/menuTree.ts), so both offer the same pages —
// then 窗口 and 帮助. Items that act send a ShellAction to the window; the accelerators shown come
// from shared/appCommands.ts and are not registered (registerAccelerator: false): the window answers
// those keys itself, in the desktop shell and in web mode alike. Typed structurally: no electron.
import { APP_COMMANDS, NEW_INVOICE_PATH } from '../../shared/appCommands'
import { ABOUT_PATH, isMenuGroup, MENU_TREE, SETTINGS_PATH, type MenuGroup, type MenuNode } from '../../shared/menuTree'

/** the Electron menu roles this menu uses (a subset of Electron's, so the template is Electron's) */
export type MenuRole =
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'editMenu'
  | 'windowMenu'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'

export interface MenuItemSpec {
  label?: string
  role?: MenuRole
  type?: 'separator'
  accelerator?: string
  registerAccelerator?: boolean
  submenu?: MenuItemSpec[]
  click?: () => void
}

/** what a menu item asks of the window (or of the shell, for 导入…) */
export type ShellAction = { type: 'navigate'; path: string } | { type: 'shortcuts' } | { type: 'import' }

export interface MenuOptions {
  platform: NodeJS.Platform
  /** 视图 → 开发者工具 (development only) */
  devTools: boolean
  act: (action: ShellAction) => void
  tree?: MenuGroup[]
}

const separator: MenuItemSpec = { type: 'separator' }

/** an item showing an app command's key, which the window answers (not the menu) */
const command = (label: string, accelerator: string, click: () => void): MenuItemSpec => ({ label, accelerator, registerAccelerator: false, click })

/** a page of the tree navigates; a group becomes a submenu of its own */
function treeItem(node: MenuNode, act: (a: ShellAction) => void): MenuItemSpec {
  if (isMenuGroup(node)) return { label: node.title, submenu: node.children.map((n) => treeItem(n, act)) }
  return { label: node.title, click: () => act({ type: 'navigate', path: node.path }) }
}

export function menuTemplate(opts: MenuOptions): MenuItemSpec[] {
  const mac = opts.platform === 'darwin'
  const tree = opts.tree ?? MENU_TREE
  const { act } = opts
  const go = (path: string) => () => act({ type: 'navigate', path })
  const settings = command('设置…', APP_COMMANDS.settings.accelerator, go(SETTINGS_PATH))
  // our own 关于 page (versions, the tax-code table, the data folder), not Electron's bare panel
  const about: MenuItemSpec = { label: '关于票税通', click: go(ABOUT_PATH) }

  const appMenu: MenuItemSpec = {
    label: '票税通',
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services', label: '服务' },
      separator,
      { role: 'hide', label: '隐藏票税通' },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      separator,
      { role: 'quit', label: '退出票税通' },
    ],
  }
  const file: MenuItemSpec = {
    label: '文件',
    submenu: [
      command('新建发票', APP_COMMANDS.newInvoice.accelerator, go(NEW_INVOICE_PATH)),
      { label: '导入…', click: () => act({ type: 'import' }) },
      separator,
      { role: 'close', label: '关闭窗口' },
      ...(mac ? [] : [separator, { role: 'quit' as const, label: '退出' }]),
    ],
  }
  const edit: MenuItemSpec = {
    label: '编辑',
    role: 'editMenu',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      separator,
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const, label: '粘贴并匹配样式' }] : []),
      { role: 'delete', label: '删除' },
      separator,
      { role: 'selectAll', label: '全选' },
    ],
  }
  const view: MenuItemSpec = {
    label: '视图',
    submenu: [
      { role: 'reload', label: '重新加载' },
      ...(opts.devTools ? [{ role: 'toggleDevTools' as const, label: '开发者工具' }] : []),
      { role: 'togglefullscreen', label: '全屏' },
    ],
  }
  const windowMenu: MenuItemSpec = {
    label: '窗口',
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize', label: '最小化' }, { role: 'zoom', label: '缩放' }, separator, { role: 'front', label: '前置全部窗口' }]
      : [
          { role: 'minimize', label: '最小化' },
          { role: 'close', label: '关闭' },
        ],
  }
  const help: MenuItemSpec = {
    label: '帮助',
    submenu: [
      command('快捷键', APP_COMMANDS.help.accelerator, () => act({ type: 'shortcuts' })),
      // macOS has 关于 in the app menu
      ...(mac ? [] : [separator, about]),
    ],
  }
  return [...(mac ? [appMenu] : []), file, edit, view, ...tree.map((g) => treeItem(g, act)), windowMenu, help]
}
