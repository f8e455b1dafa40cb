// The 行政区划 list the app ships (resources/codes/regions.json, built by scripts/build-regions.ts from
// the public 国家统计局 division codes): the county-level “省市县” names 特定业务's 发生地 / 不动产地址
// must be one of (北京市怀柔区, 河北省保定市阜平县), and the 省 → 市 → 区县 → 街道 tree of the batch
// template's dropdowns. Read once per app folder; the issuing screen, the batch import and the
// template all judge 发生地 by this one list.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../errors'

/** a county-level area: its name and its 街道/乡镇, joined by spaces */
export type RegionCounty = [name: string, streets: string]
/** under a province: a city with its counties, or a county-level area right under it (直辖市's 区, 省直辖县, 东莞市) */
export type RegionArea = RegionCounty | [name: string, counties: RegionCounty[]]

export interface RegionsFile {
  /** where the data comes from and how it was converted */
  source: string
  /** in code order; 台湾省 and the two SARs without areas */
  provinces: [name: string, areas: RegionArea[]][]
  /** names outside any province that the list offers (境内海域, 境外) */
  outside: string[]
}

export interface Regions {
  file: RegionsFile
  /** every county-level name, in the file's order */
  counties: string[]
  names: ReadonlySet<string>
}

/** under the app folder (process.resourcesPath when packaged, the repository in development) */
const REGIONS_FILE = path.join('resources', 'codes', 'regions.json')

export const isCity = (area: RegionArea): area is [string, RegionCounty[]] => typeof area[1] !== 'string'

/** the “省市县” names as the template's xzqhdm spells them */
function countyNames(file: RegionsFile): string[] {
  const out: string[] = []
  for (const [province, areas] of file.provinces) {
    if (areas.length === 0) out.push(province)
    for (const area of areas) {
      if (isCity(area)) for (const [county] of area[1]) out.push(`${province}${area[0]}${county}`)
      else out.push(`${province}${area[0]}`)
    }
  }
  return [...out, ...file.outside]
}

const cache = new Map<string, Regions>()

/** The shipped list under an app folder; a missing or broken file is the installation's fault, said plainly. */
export function readRegions(appDir: string): Regions {
  const file = path.join(appDir, REGIONS_FILE)
  let regions = cache.get(file)
  if (regions) return regions
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as RegionsFile
    const counties = countyNames(parsed)
    if (counties.length === 0) throw new Error('没有任何行政区划')
    regions = { file: parsed, counties, names: new Set(counties) }
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

/** the list this installation ships, for callers without the core's context */
export const shippedRegions = (): Regions => readRegions(shippedAppDir())

/** its county-level names */
export const shippedRegionNames = (): ReadonlySet<string> => shippedRegions().names
