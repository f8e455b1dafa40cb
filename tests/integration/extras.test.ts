import { describe, expect, it } from 'vitest'
import { rejection, testCore } from '../support/core'

describe('附加要素信息维护', () => {
  it('allows at most 10 elements, unique names, never 备注', async () => {
    const core = await testCore()
    for (let i = 1; i <= 10; i++) await core.call('extras.create', { name: `要素${i}`, dataType: '文本' })
    const eleventh = await rejection(core.call('extras.create', { name: '要素11', dataType: '文本' }))
    expect(eleventh.code).toBe('LIMIT')
    expect(eleventh.message).toContain('最多 10 个')
    expect((await core.call('extras.list', {})).total).toBe(10)

    const one = (await core.call('extras.list', {})).rows[0]!
    await core.call('extras.delete', { ids: [one.id] })
    expect((await rejection(core.call('extras.create', { name: '要素2', dataType: '数值' }))).code).toBe('CONFLICT')
    const remark = await rejection(core.call('extras.create', { name: '备注', dataType: '文本' }))
    expect(remark.message).toContain('不能作为附加要素名称')
    expect((await rejection(core.call('extras.create', { name: '要'.repeat(51), dataType: '文本' }))).code).toBe('VALIDATION')
    expect((await rejection(core.call('extras.create', { name: '金额', dataType: '金额' as never }))).message).toContain('文本、数值 或 日期')
  })

  it('keeps a template’s elements in order and guards the elements it uses', async () => {
    const core = await testCore()
    const [a, b, c] = [
      await core.call('extras.create', { name: '合同编号', dataType: '文本' }),
      await core.call('extras.create', { name: '合同金额', dataType: '数值' }),
      await core.call('extras.create', { name: '签订日期', dataType: '日期' }),
    ]
    const scene = await core.call('scenes.create', { name: '工程合同', extraIds: [c.id, a.id, b.id] })
    expect(scene.extras.map((e) => e.name)).toEqual(['签订日期', '合同编号', '合同金额'])
    await core.call('scenes.create', { name: '租赁合同', extraIds: [a.id] })
    expect((await rejection(core.call('scenes.create', { name: '工程合同', extraIds: [a.id] }))).code).toBe('CONFLICT')
    expect((await rejection(core.call('scenes.create', { name: '空', extraIds: [] }))).message).toContain('至少选择一个')
    expect((await rejection(core.call('scenes.create', { name: '重复', extraIds: [a.id, a.id] }))).message).toContain('不能重复')

    const used = await rejection(core.call('extras.delete', { ids: [a.id, b.id] }))
    expect(used.code).toBe('IN_USE')
    expect(used.message).toContain('附加要素“合同编号”正被场景模板“工程合同”、“租赁合同”使用')
    expect((await core.call('extras.list', {})).rows.find((e) => e.id === a.id)?.usedBy).toEqual(['工程合同', '租赁合同'])
    expect((await core.call('extras.list', {})).total).toBe(3)

    await core.call('scenes.update', { id: scene.id, name: '工程合同', extraIds: [b.id] })
    await core.call('scenes.delete', { ids: [(await core.call('scenes.list', { query: '租赁' })).rows[0]!.id] })
    expect(await core.call('extras.delete', { ids: [a.id, c.id] })).toEqual({ deleted: 2 })
    expect((await core.call('scenes.list', {})).rows.map((s) => [s.name, s.extras.map((e) => e.name)])).toEqual([['工程合同', ['合同金额']]])
  })
})
