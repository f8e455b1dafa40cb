// Converts the public 商品和服务税收分类编码 table (../shared/data/tax_classification_codes_2018.csv,
// beside the repository) into the table the app ships: resources/taxcodes/taxcodes.csv (rates
// mapped to today's) and its manifest.json (版本, 来源, 条数). Read with the product's own parser;
// the same input gives the same bytes, and a test holds the shipped files to this output.
// `npx tsx scripts/convert-taxcodes.ts [SOURCE.csv]`
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUILTIN_DIR, convertPublicTable } from '../src/main/core/features/taxcodes/builtin'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const source = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, '..', 'shared', 'data', 'tax_classification_codes_2018.csv')

if (!fs.existsSync(source)) {
  console.error(`找不到公开的税收分类编码表：${source}（应在仓库旁的 shared/data/ 中，或在命令后给出文件）`)
  process.exit(1)
}
const { files, manifest } = convertPublicTable(fs.readFileSync(source), path.basename(source))
const dir = path.join(root, BUILTIN_DIR)
fs.mkdirSync(dir, { recursive: true })
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
console.log(`${path.relative(root, dir)}: ${manifest.total} 条编码，其中末级 ${manifest.leaves} 条（版本 ${manifest.version}），由 ${path.basename(source)} 转换`)
