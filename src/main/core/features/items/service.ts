// 项目信息维护: items are identified by (项目名称, 规格型号); the tax code must be a leaf of the
// company's table.
import type Database from 'better-sqlite3'
import { and, count, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Page } from '../../../../shared/api/define'
import type { Item } from '../../../../shared/api/items'
import type { ParsedInput } from '../../../../shared/api'
import { rateLabelOf, rateOf, type PolicyCode } from '../../../../shared/domain/rates'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { items, taxCodes } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import { deleteRecords } from '../deleteRecords'
import { leafProblem } from '../taxcodes/service'
import { likeContains, likePrefix } from '../../ledger/like'

export type ItemFields = ParsedInput<'items.create'>
type ItemRow = typeof items.$inferSelect

const columns = {
  id: items.id,
  name: items.name,
  taxCode: items.taxCode,
  taxCodeShortName: sql<string>`coalesce(${taxCodes.shortName}, '')`,
  spec: items.spec,
  unit: items.unit,
  unitPrice: items.unitPrice,
  priceIncludesTax: items.priceIncludesTax,
  taxRate: items.taxRate,
  policy: items.policy,
  category: items.category,
  createdAt: items.createdAt,
  updatedAt: items.updatedAt,
}

type ListedRow = Omit<ItemRow, 'policy'> & { taxCodeShortName: string; policy: string | null }

function toItem(r: ListedRow): Item {
  return { ...r, policy: r.policy as PolicyCode | null, rate: rateLabelOf(r.taxRate, r.policy) ?? '13%' }
}

export function toRow(f: ItemFields) {
  const { rate, ...rest } = f
  // 免税 / 不征税 always carry their policy flag
  const policy = f.policy ?? (rate === '免税' ? '03' : rate === '不征税' ? '04' : null)
  return { ...rest, taxRate: rateOf(rate), policy }
}

export function itemWhere(q: { query?: string; category?: string }) {
  const conds = []
  if (q.query) conds.push(or(likeContains(items.name, q.query), likePrefix(items.taxCode, q.query)))
  if (q.category) conds.push(eq(items.category, q.category))
  return conds.length ? and(...conds) : undefined
}

/** one page of items in list order (newest change first) */
export function pageItems(db: Db, where: SQL | undefined, offset: number, limit: number): Item[] {
  return db
    .select(columns)
    .from(items)
    .leftJoin(taxCodes, eq(taxCodes.code, items.taxCode))
    .where(where)
    .orderBy(desc(items.updatedAt), desc(items.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map(toItem)
}

export function countItems(db: Db, where: SQL | undefined): number {
  return db.select({ n: count() }).from(items).where(where).get()?.n ?? 0
}

export function listItems(db: Db, q: ParsedInput<'items.list'>): Page<Item> {
  const where = itemWhere(q)
  return { total: countItems(db, where), rows: pageItems(db, where, (q.page - 1) * q.size, q.size) }
}

export function getItem(db: Db, id: number): Item {
  const row = db.select(columns).from(items).leftJoin(taxCodes, eq(taxCodes.code, items.taxCode)).where(eq(items.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', '该项目不存在或已被删除')
  return toItem(row)
}

/** Finds an item by identity (项目名称, 规格型号); prepared once for a save or a whole import. */
export function itemFinder(db: Database.Database) {
  const find = db.prepare('SELECT id FROM items WHERE name = ? AND spec = ? AND id <> ?').pluck()
  return (name: string, spec: string, exceptId = 0): number | undefined => find.get(name, spec, exceptId) as number | undefined
}

function checkLeaf(ledger: Ledger, code: string): void {
  const problem = leafProblem(ledger, code)
  if (problem) throw new AppError('VALIDATION', problem, { issues: [{ path: 'taxCode', message: problem }] })
}

function duplicate(f: ItemFields): AppError {
  const what = f.spec ? `“${f.name}”（规格型号 ${f.spec}）` : `“${f.name}”`
  return new AppError('CONFLICT', `已存在项目${what}，项目名称和规格型号相同的项目只能有一个`, {
    issues: [{ path: 'name', message: '已存在相同项目名称和规格型号的项目' }],
  })
}

export function createItem(ledger: Ledger, f: ItemFields, now: string): Item {
  checkLeaf(ledger, f.taxCode)
  const id = ledger.orm.transaction((tx) => {
    if (itemFinder(ledger.db)(f.name, f.spec) !== undefined) throw duplicate(f)
    const { id } = tx
      .insert(items)
      .values({ ...toRow(f), createdAt: now, updatedAt: now })
      .returning({ id: items.id })
      .get()
    recordAudit(tx, now, { action: 'create', entity: 'item', entityId: id, summary: `新增项目 ${f.name}` })
    return id
  })
  return getItem(ledger.orm, id)
}

export function updateItem(ledger: Ledger, f: ParsedInput<'items.update'>, now: string): Item {
  checkLeaf(ledger, f.taxCode)
  const { id, ...fields } = f
  ledger.orm.transaction((tx) => {
    const before = getItem(tx, id)
    if (itemFinder(ledger.db)(f.name, f.spec, id) !== undefined) throw duplicate(f)
    tx.update(items)
      .set({ ...toRow(fields), updatedAt: now })
      .where(eq(items.id, id))
      .run()
    recordAudit(tx, now, { action: 'update', entity: 'item', entityId: id, summary: `修改项目 ${f.name}`, details: { before } })
  })
  return getItem(ledger.orm, id)
}

export function deleteItems(ledger: Ledger, ids: number[], now: string): { deleted: number } {
  return deleteRecords(ledger, items, ids, now, { entity: 'item', label: '项目' })
}

export function itemCategories(db: Db): string[] {
  return db
    .selectDistinct({ c: items.category })
    .from(items)
    .where(ne(items.category, ''))
    .orderBy(items.category)
    .all()
    .map((r) => r.c)
}
