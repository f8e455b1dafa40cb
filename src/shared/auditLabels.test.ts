import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionLabel, auditEntityLabel } from './auditLabels'

/** every `.ts` file under a folder */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}

describe('操作日志 labels', () => {
  it('name every action and record in Chinese', () => {
    expect(auditActionLabel('issue')).toBe('开票')
    expect(auditActionLabel('create')).toBe('新增')
    expect(auditEntityLabel('red')).toBe('红字确认单')
    for (const label of [...Object.values(AUDIT_ACTIONS), ...Object.values(AUDIT_ENTITIES)]) expect(label).toMatch(/^[\u4e00-\u9fff]+$/)
  })

  it('show a code this version does not know as it is', () => {
    expect(auditActionLabel('archive')).toBe('archive')
    expect(auditEntityLabel('voucher')).toBe('voucher')
  })

  it('cover every kind of record the core writes to the audit log', () => {
    // recordAudit calls, deleteRecords' targets and the import sheets all name their record as
    // `entity: '…'` (a data.changed event names a list, not a record)
    const written = new Set<string>()
    for (const file of sources(path.resolve('src/main/core')))
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?<!'data\.changed', )\bentity: '(\w+)'/g)) written.add(m[1]!)
    expect(written.size).toBeGreaterThan(5)
    expect([...written].filter((e) => !(e in AUDIT_ENTITIES))).toEqual([])
  })
})
