// The 行政区划 list the app ships (resources/codes/regions.json, built by scripts/build-regions.ts from
// the public 国家统计局 division codes): the county-level “省市县” names 特定业务's 发生地 / 不动产地址
// must be one of (北京市怀柔区, 河北省保定市阜平县), and the 省 → 市 → 区县 → 街道 tree of the batch
// template's dropdowns. Read once per app folder; the issuing screen, the batch import and the
// template all judge 发生地 by this one list.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../errors'
import { parseRegions, REGIONS_FILE as IN_RESOURCES, type Regions } from '../../../shared/domain/specialBusiness/regionsFile'

/** under the app folder (process.resourcesPath when packaged, the repository in development) */
const REGIONS_FILE = path.join('resources', ...IN_RESOURCES)

const cache = new Map<string, Regions>()

/** The shipped list under an app folder; a missing or broken file is the installation's fault, said plainly. */
export function readRegions(appDir: string): Regions {
  const file = path.join(appDir, REGIONS_FILE)
  let regions = cache.get(file)
  if (regions) return regions
  try {
    regions = parseRegions(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    throw new AppError('INTERNAL', `内置的行政区划列表（${file}）无法读取：${(e as Error).message}。请重新安装本软件`)
  }
  cache.set(file, regions)
  return regions
}

/** the app folder that holds the list: the nearest ancestor of this module (as findAppDir finds migrations/) */
function shippedAppDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, REGIONS_FILE))) return dir
    if (path.dirname(dir) === dir) throw new AppError('INTERNAL', `找不到内置的行政区划列表（${REGIONS_FILE}）。请重新安装本软件`)
  }
}

let shipped: Regions | undefined

/** the list this installation ships, for callers without the core's context (every 保存 and 开票 asks: its folder is looked for once) */
export const shippedRegions = (): Regions => (shipped ??= readRegions(shippedAppDir()))

/** its county-level names */
export const shippedRegionNames = (): ReadonlySet<string> => shippedRegions().names
