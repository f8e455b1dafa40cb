// The issuing screen's keyboard shortcuts, in one place: the handlers match keys with these and the
// screen lists them from here, so what is shown is what works. Letters are matched by physical key
// (event.code): on macOS Alt+letter types a special character instead of the letter.
export interface Shortcut {
  label: string
  keys: string
  matches(e: KeyboardEvent): boolean
}

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.altKey && !e.metaKey
const ctrl = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey

export const SHORTCUTS = {
  addLine: {
    label: '新增行',
    keys: 'Ctrl+Enter / Alt+N',
    matches: (e) => (ctrl(e) && !e.shiftKey && e.key === 'Enter') || (e.altKey && !e.ctrlKey && e.code === 'KeyN'),
  },
  removeLine: { label: '删除当前行', keys: 'Ctrl+Delete', matches: (e) => ctrl(e) && e.key === 'Delete' },
  pickItems: { label: '选择常用开票项', keys: 'Alt+I', matches: (e) => e.altKey && !e.ctrlKey && e.code === 'KeyI' },
  save: { label: '保存草稿', keys: 'Ctrl+S', matches: (e) => ctrl(e) && e.code === 'KeyS' },
  issue: { label: '开票', keys: 'F9', matches: (e) => plain(e) && e.key === 'F9' },
} satisfies Record<string, Shortcut>

/** How the table is walked, shown with the shortcuts. */
export const TABLE_KEYS = [
  { keys: 'Enter / Tab', label: '下一格（末行末格按 Enter 新增行）' },
  { keys: 'Shift+Enter / Shift+Tab', label: '上一格' },
  { keys: '↑ / ↓', label: '上一行 / 下一行（编码候选中为选择候选）' },
  { keys: 'Esc', label: '关闭编码候选' },
] as const

