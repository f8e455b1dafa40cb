// 附加要素信息维护: at most 10 附加要素项目 (unique names, never 备注), and 场景模板 — named,
// ordered selections of them. An element used by a template cannot be deleted.
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm'
import type { Page } from '../../../../shared/api/define'
import { MAX_EXTRAS, type Extra, type ExtraType } from '../../../../shared/api/extras'
import { type Scene } from '../../../../shared/api/scenes'
import type { ParsedInput } from '../../../../shared/api'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { likeContains } from '../../ledger/like'
import { extras, sceneExtras, scenes } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import { deleteRecords } from '../deleteRecords'

/** template names using each element */
function usage(db: Db, extraIds?: number[]): Map<number, string[]> {
  const rows = db
    .select({ extraId: sceneExtras.extraId, scene: scenes.name })
    .from(sceneExtras)
    .innerJoin(scenes, eq(scenes.id, sceneExtras.sceneId))
    .where(extraIds ? inArray(sceneExtras.extraId, extraIds) : undefined)
    .orderBy(asc(scenes.name))
    .all()
  const map = new Map<number, string[]>()
  for (const r of rows) map.set(r.extraId, [...(map.get(r.extraId) ?? []), r.scene])
  return map
}

export function listExtras(db: Db, query?: string): Page<Extra> {
  const used = usage(db)
  const rows = db
    .select()
    .from(extras)
    .where(query ? likeContains(extras.name, query) : undefined)
    .orderBy(asc(extras.id))
    .all()
    .map((r) => ({ ...r, usedBy: used.get(r.id) ?? [] }))
  return { total: rows.length, rows }
}

function getExtra(db: Db, id: number): Extra {
  const row = db.select().from(extras).where(eq(extras.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', '该附加要素不存在或已被删除')
  return { ...row, usedBy: usage(db, [id]).get(id) ?? [] }
}

/** names are unique among elements and among templates */
function checkUniqueName(db: Db, table: typeof extras | typeof scenes, name: string, exceptId?: number): void {
  const clash = db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.name, name), exceptId ? ne(table.id, exceptId) : undefined))
    .get()
  if (!clash) return
  const what = table === extras ? '附加要素' : '场景模板'
  throw new AppError('CONFLICT', `${what}“${name}”已存在`, { issues: [{ path: 'name', message: `该${what}名称已存在` }] })
}

export function createExtra(ledger: Ledger, f: ParsedInput<'extras.create'>, now: string): Extra {
  const id = ledger.orm.transaction((tx) => {
    const n = tx.select({ n: count() }).from(extras).get()?.n ?? 0
    if (n >= MAX_EXTRAS) throw new AppError('LIMIT', `附加要素项目最多 ${MAX_EXTRAS} 个，已达上限。请删除不用的附加要素后再新增`)
    checkUniqueName(tx, extras, f.name)
    const { id } = tx
      .insert(extras)
      .values({ ...f, createdAt: now, updatedAt: now })
      .returning({ id: extras.id })
      .get()
    recordAudit(tx, now, { action: 'create', entity: 'extra', entityId: id, summary: `新增附加要素 ${f.name}（${f.dataType}）` })
    return id
  })
  return getExtra(ledger.orm, id)
}

export function updateExtra(ledger: Ledger, f: ParsedInput<'extras.update'>, now: string): Extra {
  ledger.orm.transaction((tx) => {
    const before = getExtra(tx, f.id)
    checkUniqueName(tx, extras, f.name, f.id)
    tx.update(extras).set({ name: f.name, dataType: f.dataType, updatedAt: now }).where(eq(extras.id, f.id)).run()
    recordAudit(tx, now, { action: 'update', entity: 'extra', entityId: f.id, summary: `修改附加要素 ${before.name} → ${f.name}（${f.dataType}）` })
  })
  return getExtra(ledger.orm, f.id)
}

export function deleteExtras(ledger: Ledger, ids: number[], now: string): { deleted: number } {
  return deleteRecords(ledger, extras, ids, now, { entity: 'extra', label: '附加要素' }, (tx, found) => {
    const used = usage(tx, ids)
    const blocked = found.filter((e) => used.has(e.id))
    if (blocked.length > 0)
      throw new AppError(
        'IN_USE',
        `${blocked.map((e) => `附加要素“${e.name}”正被场景模板“${used.get(e.id)!.join('”、“')}”使用`).join('；')}，不能删除。请先从这些场景模板中移除它。`,
        { inUse: blocked.map((e) => ({ id: e.id, name: e.name, scenes: used.get(e.id) })) },
      )
  })
}

function getScene(db: Db, id: number): Scene {
  const row = db.select().from(scenes).where(eq(scenes.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', '该场景模板不存在或已被删除')
  return { ...row, extras: sceneElements(db, [id]).get(id) ?? [] }
}

function sceneElements(db: Db, sceneIds: number[]): Map<number, Scene['extras']> {
  const rows = db
    .select({ sceneId: sceneExtras.sceneId, id: extras.id, name: extras.name, dataType: extras.dataType })
    .from(sceneExtras)
    .innerJoin(extras, eq(extras.id, sceneExtras.extraId))
    .where(inArray(sceneExtras.sceneId, sceneIds))
    .orderBy(asc(sceneExtras.sceneId), asc(sceneExtras.position))
    .all()
  const map = new Map<number, Scene['extras']>()
  for (const { sceneId, ...e } of rows) map.set(sceneId, [...(map.get(sceneId) ?? []), { ...e, dataType: e.dataType as ExtraType }])
  return map
}

export function listScenes(db: Db, query?: string): Page<Scene> {
  const rows = db
    .select()
    .from(scenes)
    .where(query ? likeContains(scenes.name, query) : undefined)
    .orderBy(asc(scenes.id))
    .all()
  const elements = sceneElements(
    db,
    rows.map((r) => r.id),
  )
  return { total: rows.length, rows: rows.map((r) => ({ ...r, extras: elements.get(r.id) ?? [] })) }
}

function writeSceneElements(tx: Db, sceneId: number, extraIds: number[]): void {
  const known = tx.select({ id: extras.id }).from(extras).where(inArray(extras.id, extraIds)).all()
  if (known.length !== extraIds.length)
    throw new AppError('NOT_FOUND', '所选附加要素中有的已被删除，请刷新后重新选择', { issues: [{ path: 'extraIds', message: '附加要素已被删除' }] })
  tx.delete(sceneExtras).where(eq(sceneExtras.sceneId, sceneId)).run()
  extraIds.forEach((extraId, position) => tx.insert(sceneExtras).values({ sceneId, extraId, position }).run())
}

export function createScene(ledger: Ledger, f: ParsedInput<'scenes.create'>, now: string): Scene {
  const id = ledger.orm.transaction((tx) => {
    checkUniqueName(tx, scenes, f.name)
    const { id } = tx.insert(scenes).values({ name: f.name, createdAt: now, updatedAt: now }).returning({ id: scenes.id }).get()
    writeSceneElements(tx, id, f.extraIds)
    recordAudit(tx, now, { action: 'create', entity: 'scene', entityId: id, summary: `新增场景模板 ${f.name}` })
    return id
  })
  return getScene(ledger.orm, id)
}

export function updateScene(ledger: Ledger, f: ParsedInput<'scenes.update'>, now: string): Scene {
  ledger.orm.transaction((tx) => {
    const before = getScene(tx, f.id)
    checkUniqueName(tx, scenes, f.name, f.id)
    tx.update(scenes).set({ name: f.name, updatedAt: now }).where(eq(scenes.id, f.id)).run()
    writeSceneElements(tx, f.id, f.extraIds)
    recordAudit(tx, now, { action: 'update', entity: 'scene', entityId: f.id, summary: `修改场景模板 ${before.name} → ${f.name}` })
  })
  return getScene(ledger.orm, f.id)
}

export function deleteScenes(ledger: Ledger, ids: number[], now: string): { deleted: number } {
  return deleteRecords(ledger, scenes, ids, now, { entity: 'scene', label: '场景模板' })
}
