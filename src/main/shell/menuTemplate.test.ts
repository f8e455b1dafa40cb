import { describe, expect, it } from 'vitest'
import { APP_COMMANDS, NEW_INVOICE_PATH } from '../../shared/appCommands'
import { ABOUT_PATH, isMenuGroup, MENU_TREE, SETTINGS_PATH, type MenuGroup, type MenuNode, type MenuPage } from '../../shared/menuTree'
import { menuTemplate, type MenuItemSpec, type ShellAction } from './menuTemplate'

const pagesOf = (nodes: MenuNode[]): MenuPage[] => nodes.flatMap((n) => (isMenuGroup(n) ? pagesOf(n.children) : [n]))
const itemsOf = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...itemsOf(i.submenu ?? [])])

function build(platform: NodeJS.Platform, tree?: MenuGroup[]) {
  const acts: ShellAction[] = []
  const template = menuTemplate({ platform, devTools: false, act: (a) => acts.push(a), tree })
  /** what clicking the item with this label does */
  const click = (label: string): ShellAction => {
    const found = itemsOf(template).filter((i) => i.label === label && !i.submenu)
    expect(found, label).toHaveLength(1)
    acts.length = 0
    found[0]!.click!()
    return acts[0]!
  }
  return { template, items: itemsOf(template), click }
}

describe('the native menu', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    it(`offers every page of the menu tree exactly once, navigating to it (${platform})`, () => {
      const { items } = build(platform)
      // a group may share its title with one of its pages (电子发票开具): pages are the items that act
      const leaves = items.filter((i) => !i.submenu)
      for (const page of pagesOf(MENU_TREE))
        expect(
          leaves.filter((i) => i.label === page.title),
          page.title,
        ).toHaveLength(1)
      const { click } = build(platform)
      for (const page of pagesOf(MENU_TREE)) expect(click(page.title)).toEqual({ type: 'navigate', path: page.path })
    })
  }

  it('mirrors the groups of the tree it is given, not a copy', () => {
    const tree: MenuGroup[] = [{ title: '测试分组', index: 't', children: [{ title: '子组', index: 's', children: [{ title: '某页', path: '/x', testid: 'x' }] }] }]
    const { template, click } = build('win32', tree)
    const group = template.find((m) => m.label === '测试分组')!
    expect(group.submenu![0]).toMatchObject({ label: '子组', submenu: [{ label: '某页' }] })
    expect(click('某页')).toEqual({ type: 'navigate', path: '/x' })
  })

  it('on macOS: the app menu with 关于, 设置… ⌘, , 隐藏 and 退出; 编辑 and 窗口 by role', () => {
    const { template, click } = build('darwin')
    expect(template.map((m) => m.label)).toEqual(['票税通', '文件', '编辑', '视图', ...MENU_TREE.map((g) => g.title), '窗口', '帮助'])
    const app = template[0]!.submenu!
    expect(app.filter((i) => i.role).map((i) => [i.role, i.label])).toEqual([
      ['services', '服务'],
      ['hide', '隐藏票税通'],
      ['hideOthers', '隐藏其他'],
      ['unhide', '全部显示'],
      ['quit', '退出票税通'],
    ])
    expect(app.find((i) => i.label === '设置…')).toMatchObject({ accelerator: 'CmdOrCtrl+,', registerAccelerator: false })
    expect(click('设置…')).toEqual({ type: 'navigate', path: SETTINGS_PATH })
    expect(app[0]!.label).toBe('关于票税通')
    expect(click('关于票税通')).toEqual({ type: 'navigate', path: ABOUT_PATH })
    expect(template.find((m) => m.label === '编辑')!.role).toBe('editMenu')
    expect(template.find((m) => m.label === '窗口')!.role).toBe('windowMenu')
    // 退出 lives in the app menu on macOS, not in 文件
    expect(template.find((m) => m.label === '文件')!.submenu!.some((i) => i.role === 'quit')).toBe(false)
  })

  it('on Windows: no app menu; 文件 ends with 退出, 帮助 has 关于', () => {
    const { template } = build('win32')
    expect(template[0]!.label).toBe('文件')
    expect(template.find((m) => m.label === '文件')!.submenu!.at(-1)).toEqual({ role: 'quit', label: '退出' })
    expect(template.find((m) => m.label === '帮助')!.submenu!.at(-1)!.label).toBe('关于票税通')
    expect(build('win32').click('关于票税通')).toEqual({ type: 'navigate', path: ABOUT_PATH })
    expect(itemsOf(template).some((i) => i.role === 'services' || i.role === 'hide')).toBe(false)
  })

  it('every item of 编辑 is in Chinese', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const edit = build(platform).template.find((m) => m.label === '编辑')!
      for (const item of edit.submenu!.filter((i) => i.type !== 'separator')) expect(item.label).toMatch(/^[\u4e00-\u9fff]+$/)
    }
  })

  it('新建发票, 导入… and 快捷键 act; their accelerators are the app commands’ keys, answered by the window', () => {
    const { items, click } = build('darwin')
    expect(click('新建发票')).toEqual({ type: 'navigate', path: NEW_INVOICE_PATH })
    expect(click('导入…')).toEqual({ type: 'import' })
    expect(click('快捷键')).toEqual({ type: 'shortcuts' })
    const shown = items.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator, i.registerAccelerator])
    expect(shown).toEqual([
      ['设置…', APP_COMMANDS.settings.accelerator, false],
      ['新建发票', APP_COMMANDS.newInvoice.accelerator, false],
      ['快捷键', APP_COMMANDS.help.accelerator, false],
    ])
  })
})
