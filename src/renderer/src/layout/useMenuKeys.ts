// The left menu from the keyboard. Element Plus gives a vertical el-menu no keyboard support (its
// rows take no focus), so the rows are walked here as a WAI-ARIA tree: one row in the Tab order —
// the current page's, else the first —, the arrows move between the rows in view and open, enter,
// close or leave a group, Enter/Space activate. Opening a page moves the cursor into it.
import { nextTick, onMounted, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import { MENU_KEYS } from '../shortcuts'

const ROW = '.el-menu-item, .el-sub-menu__title'

export function useMenuKeys(menu: Readonly<Ref<HTMLElement | undefined>>, opts: { enterPage: () => void }) {
  const route = useRoute()
  /** a page opened from the keyboard: the cursor follows into it once it is shown */
  let entering = false

  const rows = () => [...(menu.value?.querySelectorAll<HTMLElement>(ROW) ?? [])]
  /** rows in view: not inside a folded group */
  const shown = () => rows().filter((r) => r.offsetParent !== null)
  const groupOf = (row: HTMLElement) => (row.classList.contains('el-sub-menu__title') ? row.parentElement! : null)
  const isOpen = (group: HTMLElement) => group.classList.contains('is-opened')
  /** the title of the group a row sits in */
  const parentTitle = (row: HTMLElement) => {
    const li = row.classList.contains('el-sub-menu__title') ? row.parentElement! : row
    return li.parentElement?.closest('.el-sub-menu')?.querySelector<HTMLElement>(':scope > .el-sub-menu__title') ?? null
  }

  /** exactly one row is reachable with Tab: `to`, else the current page's, else the first */
  function rove(to?: HTMLElement): void {
    const all = rows()
    const target = to ?? all.find((r) => r.classList.contains('is-active') && r.offsetParent !== null) ?? shown()[0]
    for (const r of all) {
      r.setAttribute('tabindex', r === target ? '0' : '-1')
      if (r.classList.contains('el-sub-menu__title')) r.setAttribute('aria-expanded', String(isOpen(r.parentElement!)))
    }
  }

  function focus(row: HTMLElement | undefined | null): void {
    if (!row) return
    rove(row)
    row.focus()
  }

  /** folding a group animates: the rows in view are known once it has settled */
  function toggle(row: HTMLElement): void {
    row.click()
    void nextTick(() => setTimeout(() => focus(row), 0))
  }

  function onKeydown(e: KeyboardEvent): void {
    const row = (e.target as HTMLElement).closest<HTMLElement>(ROW)
    if (!row || !menu.value?.contains(row)) return
    const list = shown()
    const at = list.indexOf(row)
    const group = groupOf(row)
    let handled = true
    if (MENU_KEYS.next.matches(e)) focus(list[at + 1])
    else if (MENU_KEYS.previous.matches(e)) focus(list[at - 1])
    else if (MENU_KEYS.first.matches(e)) focus(list[0])
    else if (MENU_KEYS.last.matches(e)) focus(list[list.length - 1])
    else if (MENU_KEYS.open.matches(e)) {
      if (group && !isOpen(group)) toggle(row)
      else if (group) focus(list[at + 1])
    } else if (MENU_KEYS.close.matches(e)) {
      if (group && isOpen(group)) toggle(row)
      else focus(parentTitle(row))
    } else if (MENU_KEYS.activate.matches(e)) {
      if (group) toggle(row)
      else {
        entering = !row.classList.contains('is-active')
        row.click()
        if (!entering) opts.enterPage()
      }
    } else handled = false
    if (handled) e.preventDefault()
  }

  onMounted(() => {
    rove()
    menu.value?.addEventListener('keydown', onKeydown)
  })
  // the page changed (from the menu, a link or a button): its row becomes the reachable one
  watch(
    () => route.path,
    async () => {
      await nextTick()
      rove()
      if (entering) {
        entering = false
        opts.enterPage()
      }
    },
    { flush: 'post' },
  )

  /** Alt+M: the cursor to the current page's row */
  function focusMenu(): void {
    rove()
    menu.value?.querySelector<HTMLElement>('[tabindex="0"]')?.focus()
  }

  return { focusMenu }
}
