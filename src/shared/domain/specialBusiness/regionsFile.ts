// The shipped 行政区划 list's shape (resources/codes/regions.json, built by scripts/build-regions.ts)
// and the county-level “省市县” names it gives — the names 发生地 / 不动产地址 must be one of. Pure, so
// the core and the platform sandbox read the one file the same way (each with its own fs).

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

/** where the file lies under the app's resources folder */
export const REGIONS_FILE = ['codes', 'regions.json'] as const

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

/** the file's text as a list; throws (in Chinese) when it holds none */
export function parseRegions(text: string): Regions {
  const file = JSON.parse(text) as RegionsFile
  const counties = countyNames(file)
  if (counties.length === 0) throw new Error('没有任何行政区划')
  return { file, counties, names: new Set(counties) }
}
