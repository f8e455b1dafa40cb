// Every key the app answers, in one place: the handlers match keys with these definitions and the
// 快捷键 panel (and README.md) lists them from here, so what is shown is what works. Letters are
// matched by physical key (event.code): on macOS Alt+letter types a special character instead.
// The app-wide commands that are also native menu items take their keys from shared/appCommands.ts.
import { APP_COMMANDS } from '../../shared/appCommands'

export interface Shortcut {
  keys: string
  label: string
  /** the native menu shows it (an app-wide command that is also a menu item) */
  accelerator?: string
  matches(e: KeyboardEvent): boolean
}

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.altKey && !e.metaKey
const ctrl = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey
const alt = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey
const key = (name: string) => (e: KeyboardEvent) => plain(e) && !e.shiftKey && e.key === name

/** typing into a field: a printable key there is text, not a command */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

/** anywhere in the app */
export const APP_KEYS = {
  help: {
    ...APP_COMMANDS.help,
    matches: (e) => (plain(e) && e.key === 'F1') || (!e.ctrlKey && !e.altKey && !e.metaKey && e.key === '?' && !typingIn(e.target)),
  },
  newInvoice: { ...APP_COMMANDS.newInvoice, matches: (e) => ctrl(e) && !e.shiftKey && e.code === 'KeyN' },
  settings: { ...APP_COMMANDS.settings, matches: (e) => ctrl(e) && !e.shiftKey && e.key === ',' },
  menu: { keys: 'Alt+M', label: '转到左侧菜单（当前页面所在项）', matches: (e) => alt(e) && e.code === 'KeyM' },
  tab: { keys: 'Tab / Shift+Tab', label: '下一个 / 上一个可操作的控件', matches: (e) => e.key === 'Tab' },
  close: { keys: 'Esc', label: '关闭对话框、下拉列表或候选', matches: key('Escape') },
} satisfies Record<string, Shortcut>

/** the left menu, once it has the focus (a tree, as WAI-ARIA describes one) */
export const MENU_KEYS = {
  next: { keys: '↓', label: '下一项', matches: key('ArrowDown') },
  previous: { keys: '↑', label: '上一项', matches: key('ArrowUp') },
  open: { keys: '→', label: '展开分组，或进入已展开的分组', matches: key('ArrowRight') },
  close: { keys: '←', label: '收起分组，或回到上一级', matches: key('ArrowLeft') },
  first: { keys: 'Home', label: '第一项', matches: key('Home') },
  last: { keys: 'End', label: '最后一项', matches: key('End') },
  activate: { keys: 'Enter / 空格', label: '打开页面（光标随之进入页面），或展开/收起分组', matches: (e) => plain(e) && (e.key === 'Enter' || e.key === ' ') },
} satisfies Record<string, Shortcut>

/** the issuing screen (电子发票开具) */
export const ISSUE_KEYS = {
  addLine: {
    keys: 'Ctrl+Enter / Alt+N',
    label: '新增行',
    matches: (e) => (ctrl(e) && !e.shiftKey && e.key === 'Enter') || (alt(e) && e.code === 'KeyN'),
  },
  removeLine: { keys: 'Ctrl+Delete', label: '删除当前行', matches: (e) => ctrl(e) && e.key === 'Delete' },
  pickItems: { keys: 'Alt+I', label: '选择常用开票项', matches: (e) => alt(e) && e.code === 'KeyI' },
  browseCodes: { keys: 'Alt+K', label: '为当前行选择税收分类编码', matches: (e) => alt(e) && e.code === 'KeyK' },
  preview: { keys: 'Alt+P', label: '预览发票', matches: (e) => alt(e) && e.code === 'KeyP' },
  save: { keys: 'Ctrl+S', label: '保存草稿', matches: (e) => ctrl(e) && e.code === 'KeyS' },
  issue: { keys: 'F9', label: '开票', matches: (e) => plain(e) && e.key === 'F9' },
} satisfies Record<string, Shortcut>

/** 购买方名称 with its customer suggestions */
export const BUYER_KEYS = {
  choose: { keys: '↓ / ↑', label: '在客户候选中移动', matches: (e) => plain(e) && (e.key === 'ArrowDown' || e.key === 'ArrowUp') },
  take: {
    keys: 'Enter',
    label: '选用高亮的客户（默认第一个）并转到开票项；没有候选时保留所填名称，转到纳税人识别号',
    matches: key('Enter'),
  },
} satisfies Record<string, Shortcut>

/** the 开票项 table */
export const TABLE_KEYS = {
  next: { keys: 'Enter / Tab', label: '下一格（末行末格按 Enter 新增行）', matches: (e) => plain(e) && !e.shiftKey && (e.key === 'Enter' || e.key === 'Tab') },
  previous: { keys: 'Shift+Enter / Shift+Tab', label: '上一格', matches: (e) => plain(e) && e.shiftKey && (e.key === 'Enter' || e.key === 'Tab') },
  rowDown: { keys: '↓', label: '下一行（编码候选打开时：下一个候选）', matches: key('ArrowDown') },
  rowUp: { keys: '↑', label: '上一行（编码候选打开时：上一个候选）', matches: key('ArrowUp') },
  nameEnter: {
    keys: 'Enter（项目名称）',
    label: '选定高亮的编码候选；未选候选时转到下一格，行中尚无编码则采用第一个候选（智能匹配未返回时等其结果），未找到时提示',
    matches: key('Enter'),
  },
  dismiss: { keys: 'Esc', label: '关闭编码候选', matches: key('Escape') },
} satisfies Record<string, Shortcut>

/** the 税收分类编码表 (choosing a code, and the 税收分类编码 screen) */
export const TAXCODE_KEYS = {
  down: { keys: '↓', label: '搜索框中：下一个搜索结果；无搜索时进入分类树', matches: key('ArrowDown') },
  up: { keys: '↑', label: '上一个搜索结果 / 分类树中的上一项', matches: key('ArrowUp') },
  expand: { keys: '→ / ←', label: '分类树中：展开 / 收起', matches: (e) => plain(e) && (e.key === 'ArrowRight' || e.key === 'ArrowLeft') },
  choose: { keys: 'Enter', label: '选定高亮的末级编码（非末级：展开或收起）', matches: key('Enter') },
} satisfies Record<string, Shortcut>

/** 选择常用开票项 */
export const PICKER_KEYS = {
  move: { keys: '↓ / ↑', label: '在开票项中移动', matches: (e) => plain(e) && (e.key === 'ArrowDown' || e.key === 'ArrowUp') },
  take: { keys: 'Enter', label: '加入高亮的开票项（或已勾选的多个）', matches: key('Enter') },
} satisfies Record<string, Shortcut>

/** the 快捷键 panel's sections, in the order a bookkeeper meets them */
export const SHORTCUT_GROUPS: { title: string; keys: Shortcut[] }[] = [
  { title: '全局', keys: Object.values(APP_KEYS) },
  { title: '左侧菜单', keys: Object.values(MENU_KEYS) },
  { title: '电子发票开具', keys: Object.values(ISSUE_KEYS) },
  { title: '购买方名称', keys: Object.values(BUYER_KEYS) },
  { title: '开票项表格', keys: Object.values(TABLE_KEYS) },
  { title: '税收分类编码表', keys: Object.values(TAXCODE_KEYS) },
  { title: '选择常用开票项', keys: Object.values(PICKER_KEYS) },
]
