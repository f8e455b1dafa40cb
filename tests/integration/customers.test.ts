import { describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app'
import { rejection, tempDir, testCore } from '../support/core'

const HUAWEI = { name: '华为技术有限公司', taxId: '914403001922038216' }

describe('客户信息维护', () => {
  it('treats an empty 客户类型 as 企业 and finds customers by name, 拼音首字母 and ID prefix', async () => {
    const core = await testCore()
    const c = await core.call('customers.create', { ...HUAWEI, type: '' })
    expect(c.type).toBe('企业')
    await core.call('customers.create', { name: '重庆银行股份有限公司', taxId: '91500000202869177Y' })
    await core.call('customers.create', { name: 'ABC 咨询', taxId: '91310000132200821H' })
    const names = async (query: string) => (await core.call('customers.list', { query })).rows.map((r) => r.name)
    expect(await names('华为')).toEqual(['华为技术有限公司'])
    expect(await names('hwjs')).toEqual(['华为技术有限公司'])
    expect(await names('HWJS')).toEqual(['华为技术有限公司'])
    // 重庆 is read in context: chongqing, not zhongqing
    expect(await names('cqyh')).toEqual(['重庆银行股份有限公司'])
    expect(await names('9144030019')).toEqual(['华为技术有限公司'])
    expect(await names('abc')).toEqual(['ABC 咨询'])
    expect(await names('03001922')).toEqual([])
  })

  it('checks IDs, 身份证, email and mobile, naming the field', async () => {
    const core = await testCore()
    const issues = async (input: object) =>
      ((await rejection(core.call('customers.create', { name: '客户', ...input } as never))).details as { issues: { path: string; message: string }[] }).issues
    expect(await issues({ type: '企业' })).toContainEqual({ path: 'taxId', message: '企业客户须填写统一社会信用代码/纳税人识别号' })
    expect(await issues({ taxId: '914403001922038217' })).toContainEqual({ path: 'taxId', message: expect.stringContaining('校验位不正确') })
    expect(await issues({ type: '自然人', idNumber: '110105194912310021' })).toContainEqual({ path: 'idNumber', message: expect.stringContaining('校验位') })
    expect(await issues({ type: '自然人', idType: '201' })).toContainEqual({ path: 'idNumber', message: '已选择证件类型，请填写证件号码' })
    expect(await issues({ ...HUAWEI, email: 'not-an-email' })).toContainEqual({ path: 'email', message: expect.stringContaining('邮箱格式不正确') })
    expect(await issues({ ...HUAWEI, mobile: '1234' })).toContainEqual({ path: 'mobile', message: expect.stringContaining('11 位') })
    expect((await core.call('customers.list', {})).total).toBe(0)
  })

  it('normalises what people paste: full-width digits, spaces, +86, lower case', async () => {
    const core = await testCore()
    const c = await core.call('customers.create', { name: '　华为技术有限公司　', taxId: '９１４４０３００１９２２０３８２１６', mobile: '+86 138-0013-8000' })
    expect(c).toMatchObject({ name: '华为技术有限公司', taxId: '914403001922038216', mobile: '13800138000' })
    const p = await core.call('customers.create', { name: '张先生', type: '自然人', idNumber: '11010519491231002x'.toUpperCase() })
    expect(p).toMatchObject({ idType: '201', idNumber: '11010519491231002X', taxId: '' })
  })

  it('identifies an enterprise by its tax ID and a person by name + 证件号码', async () => {
    const core = await testCore()
    const a = await core.call('customers.create', HUAWEI)
    expect((await rejection(core.call('customers.create', { ...HUAWEI, name: '别名' }))).code).toBe('CONFLICT')
    await core.call('customers.create', { name: '张先生', type: '自然人' })
    expect((await rejection(core.call('customers.create', { name: '张先生', type: '自然人' }))).code).toBe('CONFLICT')
    await core.call('customers.create', { name: '张先生', type: '自然人', idNumber: '11010519491231002X' })
    const updated = await core.call('customers.update', { ...HUAWEI, id: a.id, address: '深圳市龙岗区坂田华为基地', email: 'finance@example.com' })
    expect(updated).toMatchObject({ address: '深圳市龙岗区坂田华为基地', email: 'finance@example.com' })
    expect((await core.call('customers.list', { type: '自然人' })).total).toBe(2)
    expect(await core.call('customers.delete', { ids: [a.id] })).toEqual({ deleted: 1 })
  })

  it('keeps searches current after changes by this app and by another process on the same ledger', async () => {
    const dataDir = tempDir()
    const app = await testCore({ dataDir })
    await app.call('customers.create', HUAWEI)
    expect((await app.call('customers.list', { query: '华为' })).total).toBe(1)

    const cli = createCore({ dataDir })
    await cli.call('customers.create', { name: '华为终端有限公司', taxId: '91441900576459185M' })
    cli.close()
    expect((await app.call('customers.list', { query: '华为' })).rows.map((r) => r.name)).toEqual(['华为终端有限公司', '华为技术有限公司'])

    const [first] = (await app.call('customers.list', { query: 'hwzd' })).rows
    await app.call('customers.update', { ...first!, name: '华为终端（东莞）有限公司', idType: null })
    expect((await app.call('customers.list', { query: 'hwzd' })).rows.map((r) => r.name)).toEqual(['华为终端（东莞）有限公司'])
    await app.call('customers.delete', { ids: [first!.id] })
    expect((await app.call('customers.list', { query: '华为' })).total).toBe(1)
    expect((await app.call('customers.list', { query: '华为', type: '自然人' })).total).toBe(0)
  })
})
