// The app's menu tree (the platform manual's three levels), as data: the window's left menu draws
// it, and the desktop shell's native menu mirrors it, so both always offer the same pages.
export interface MenuPage {
  title: string
  /** the route the page opens */
  path: string
  /** data-testid of its row in the left menu */
  testid: string
}

export interface MenuGroup {
  title: string
  /** el-menu's key for the group (open/closed state) */
  index: string
  children: MenuNode[]
}

export type MenuNode = MenuPage | MenuGroup

export const isMenuGroup = (node: MenuNode): node is MenuGroup => 'children' in node

const page = (title: string, path: string, testid: string): MenuPage => ({ title, path, testid })

/** 设置: every setting on one page (the native menu's 设置… and Ctrl+, open it) */
export const SETTINGS_PATH = '/system/settings'
/** 关于票税通: versions, the tax-code table in use, the data folder */
export const ABOUT_PATH = '/system/about'

export const MENU_TREE: MenuGroup[] = [
  {
    title: '电子发票开具',
    index: 'invoice',
    children: [
      {
        title: '蓝字发票开具',
        index: 'blue',
        children: [page('电子发票开具', '/invoice/issue', 'menu-issue'), page('批量开具', '/invoice/batch', 'menu-batch'), page('草稿箱', '/invoice/drafts', 'menu-drafts')],
      },
      { title: '红字发票开具', index: 'red', children: [page('红字确认信息录入和处理', '/red/forms', 'menu-red-forms')] },
      {
        title: '发票查询',
        index: 'query',
        children: [
          page('销项发票', '/invoice/list', 'menu-invoices'),
          page('进项发票', '/invoice/received', 'menu-received'),
          page('发票汇总', '/invoice/summary', 'menu-summary'),
        ],
      },
      { title: '发票业务', index: 'business', children: [page('发票下载', '/invoice/downloads', 'menu-downloads')] },
      {
        title: '基础信息维护',
        index: 'basic',
        children: [
          page('项目信息维护', '/basic/items', 'menu-items'),
          page('客户信息维护', '/basic/customers', 'menu-customers'),
          page('附加要素信息维护', '/basic/extras', 'menu-extras'),
        ],
      },
    ],
  },
  {
    title: '发票管理',
    index: 'manage',
    children: [page('发票入账', '/invoice/booking', 'menu-booking'), page('红字申请确认', '/red/confirm', 'menu-red-confirm')],
  },
  {
    title: '系统设置',
    index: 'system',
    children: [
      page('企业信息', '/system/company', 'menu-company'),
      page('税收分类编码', '/system/taxcodes', 'menu-taxcodes'),
      page('操作日志', '/system/audit', 'menu-audit'),
      // 平台连接, 开票人与默认值, 邮件, 账簿备份, 数据文件夹: one page, a tab each
      page('设置', SETTINGS_PATH, 'menu-settings'),
      page('关于', ABOUT_PATH, 'menu-about'),
    ],
  },
]

/** every group's index: all open at start, as the manual shows the tree */
export function groupIndexes(nodes: MenuNode[] = MENU_TREE): string[] {
  return nodes.filter(isMenuGroup).flatMap((g) => [g.index, ...groupIndexes(g.children)])
}
