// The 行政区划 list the sandbox judges 发生地 / 不动产地址 by: the file the app ships
// (resources/codes/regions.json) beside the tax-code table it also ships, read once at start —
// as the real platform checks the names against its own list.
import fs from 'node:fs'
import path from 'node:path'
import { parseRegions, REGIONS_FILE } from '../../shared/domain/specialBusiness/regionsFile'

/** the county-level names in the resources folder that holds `taxcodesDir` */
export function readShippedRegionNames(taxcodesDir: string): ReadonlySet<string> {
  const file = path.join(path.dirname(taxcodesDir), ...REGIONS_FILE)
  try {
    return parseRegions(fs.readFileSync(file, 'utf8')).names
  } catch (e) {
    throw new Error(`平台沙箱无法读取行政区划列表（${file}）：${(e as Error).message}`, { cause: e })
  }
}
