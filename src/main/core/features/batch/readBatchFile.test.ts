// readBatchFile on copies of the official template filled BY THE TEST through ExcelJS (as a user's
// Excel saves them): the empty template, good and tricky invoices (含税/不含税, 折扣, 数量/单价
// derived from 金额, a natural-person buyer, 特定业务), a file of mistakes with each error exact, a
// wrong version, and 2,001 lines on one invoice.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RESERVED_EXTRA_MESSAGE } from '../../../../shared/domain/extras'
import { computeDraft, type DraftContext } from '../../../../shared/domain/invoice'
import { REDUCED_REASONS } from '../../../../shared/domain/rateRules'
import { AppError } from '../../errors'
import { withTempDir } from '../../files/excel/testSupport'
import { readBatchFile } from './readBatchFile'
import { fillOfficial, haveOfficialTemplate, OFFICIAL_TEMPLATE, SKIP_REASON } from './testSupport'

const S1 = '1-发票基本信息'
const S2 = '2-发票明细信息'
const S3 = '3-特定业务信息'
const S4 = '4-附加要素信息'
const HUAWEI = '914403001922038216'
const BJ = '91110000101107173B'
const SH = '91310000132206289R'

describe.skipIf(!haveOfficialTemplate)(haveOfficialTemplate ? 'readBatchFile' : `readBatchFile — ${SKIP_REASON}`, () => {
  it('reads the official template as published: no invoices, no errors', async () => {
    expect(await readBatchFile(OFFICIAL_TEMPLATE)).toEqual({ version: 'pt:20260401', invoices: [], errors: [] })
  })

  it('reads good and tricky invoices into drafts of the issuing screen', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '批量开票.xlsx')
      await fillOfficial(file, {
        [S1]: [
          /* 4 */ {
            A: 'INV-001',
            B: '增值税专用发票',
            D: '否',
            F: '华为技术有限公司',
            G: HUAWEI,
            K: '深圳市龙岗区坂田华为基地',
            Q: '0755-28780808',
            R: '招商银行深圳分行',
            S: '755912345610001',
            T: '展示地址、电话、开户银行及银行账号',
            W: '合同号 HT-2026-001',
            AB: '工商银行北京分行',
            AE: 'fin@example.com',
            AL: '李四',
            AM: '王五',
          },
          /* 5 */ { A: 'INV-002', B: '普通发票', D: '是', E: '是', F: '张先生', H: '居民身份证', I: '11010519491231002X', J: '中国香港特别行政区' },
          /* 6 */ { A: 'BUILD-1', B: '增值税专用发票', C: '建筑服务', D: '否', F: '北京建工集团有限责任公司', G: BJ },
          /* 7 */ { A: 'FREIGHT-1', B: '普通发票', C: '货物运输服务', D: '否', F: '上海物流有限公司', G: SH },
        ],
        [S2]: [
          /* 4 */ { A: 'INV-001', B: '软件开发服务', C: '3040201010000000000', D: 'V1', E: '项', F: '2', H: '10000', I: '0.06', J: '1000' },
          /* 5 */ { A: 'INV-001', B: '服务器', C: '1090511030000000000', E: '台', G: '300', H: '900', I: '0.13' },
          /* 6 */ { A: 'INV-002', B: '咨询服务', C: '3040302000000000000', E: '次', F: '1', G: '113', H: '113', I: '0.13', J: '11.30' },
          /* 7 */ { A: 'BUILD-1', B: '工程施工', C: '3050100000000000000', H: '100000', I: '0.09' },
          /* 8 */ { A: 'FREIGHT-1', B: '运输服务', C: '3010102020100000000', H: '5000', I: '0.09' },
        ],
        [S3]: [
          /* 4 */ { A: 'BUILD-1', B: '北京市朝阳区', C: '建国路1号', D: '国贸三期改造工程', F: '是', G: '11010520260001' },
          /* 5 */ { A: 'FREIGHT-1', H: '上海市浦东新区', I: '江苏省苏州市吴中区工业园区', J: '公路运输', K: '沪A12345', L: '电子元件' },
          /* 6 */ { A: 'FREIGHT-1', H: '江苏省苏州市吴中区', I: '浙江省杭州市西湖区', J: '公路运输', K: '苏E54321', L: '电子元件' },
        ],
        [S4]: [/* 4 */ { A: 'INV-001', B: '项目编号', C: 'P-001' }],
      })
      const { version, invoices, errors } = await readBatchFile(file)
      expect(errors).toEqual([])
      expect(version).toBe('pt:20260401')
      expect(invoices.map((i) => [i.serial, i.row, i.lineRows])).toEqual([
        ['INV-001', 4, [4, 5]],
        ['INV-002', 5, [6]],
        ['BUILD-1', 6, [7]],
        ['FREIGHT-1', 7, [8]],
      ])
      const [inv1, inv2, build, freight] = invoices

      expect(inv1!.draft).toEqual({
        kind: '81',
        taxMode: '普通征税',
        differenceMode: null,
        priceIncludesTax: false,
        buyer: {
          type: '企业',
          name: '华为技术有限公司',
          taxId: HUAWEI,
          idType: null,
          idNumber: '',
          address: '深圳市龙岗区坂田华为基地',
          phone: '0755-28780808',
          bank: '招商银行深圳分行',
          account: '755912345610001',
          showAddressPhone: true,
          showBank: true,
        },
        lines: [
          {
            name: '软件开发服务',
            taxCode: '3040201010000000000',
            spec: 'V1',
            unit: '项',
            quantity: '2',
            unitPrice: null,
            amount: '10000',
            taxRate: '0.06',
            policy: null,
            discount: '1000',
          },
          { name: '服务器', taxCode: '1090511030000000000', spec: '', unit: '台', quantity: null, unitPrice: '300', amount: '900', taxRate: '0.13', policy: null, discount: null },
        ],
        extras: [{ name: '项目编号', value: 'P-001' }],
        remark: '合同号 HT-2026-001',
        agent: null,
        payee: '李四',
        reviewer: '王五',
        reducedReason: null,
        specialBusiness: null,
      })
      expect(inv1!.fields).toEqual({ sellerBank: '工商银行北京分行', buyerEmail: 'fin@example.com' })
      expect(inv1!.lineFields).toEqual([{}, {}])
      expect(inv1!.draft.specialBusiness).toBeNull()
      // 不含税: the missing 单价 / 数量 derived from 金额 (row 1 of sheet 2), the 折扣 as a 折扣行
      const c1 = computeDraft(inv1!.draft)
      expect(c1.lines.map((l) => [l.quantity, l.unitPrice, l.amount, l.tax, l.discount, l.discountTax])).toEqual([
        ['2', '5000', '10000.00', '600.00', '1000.00', '60.00'],
        ['3', '300', '900.00', '117.00', null, null],
      ])
      expect(c1.totals).toMatchObject({ amount: '9900.00', tax: '657.00', total: '10557.00' })

      // 含税, to a natural person: 113 incl. 13% → 100 + 13; the 含税 discount 11.30 → 10.00 + 1.30
      expect(inv2!.draft.priceIncludesTax).toBe(true)
      expect(inv2!.draft.buyer).toMatchObject({ type: '自然人', name: '张先生', taxId: '', idType: '201', idNumber: '11010519491231002X' })
      expect(inv2!.fields).toEqual({ buyerCountry: '中国香港特别行政区' })
      const c2 = computeDraft(inv2!.draft)
      expect(c2.lines.map((l) => [l.quantity, l.unitPrice, l.amount, l.tax, l.discount, l.discountTax])).toEqual([['1', '100', '100.00', '13.00', '10.00', '1.30']])
      expect(c2.totals).toMatchObject({ amount: '90.00', tax: '11.70', total: '101.70' })

      // sheet 3 in the domain's form (specialKindSpec(kind).fields' keys), judged by validateDraft
      expect(build!.draft.specialBusiness).toEqual({
        kind: '建筑服务',
        rows: [{ site: '北京市朝阳区', siteAddress: '建国路1号', projectName: '国贸三期改造工程', landVatProjectNo: '', crossCity: '是', crossRegionNo: '11010520260001' }],
      })
      expect(freight!.draft.specialBusiness).toEqual({
        kind: '货物运输服务',
        rows: [
          { from: '上海市浦东新区', to: '江苏省苏州市吴中区工业园区', vehicleType: '公路运输', vehicleNo: '沪A12345', goods: '电子元件' },
          { from: '江苏省苏州市吴中区', to: '浙江省杭州市西湖区', vehicleType: '公路运输', vehicleNo: '苏E54321', goods: '电子元件' },
        ],
      })
    })
  })

  it('names every mistake at its sheet, row, column and value — and hands out only the invoices without one', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '有错误.xlsx')
      await fillOfficial(file, {
        [S1]: [
          /* 4 */ { A: 'GOOD-1', B: '普通发票', D: '否', F: '上海物流有限公司', G: SH },
          /* 5 */ { A: 'BAD-1', B: '电子专票', D: '否', G: BJ },
          /* 6 */ { A: 'BAD-1', B: '普通发票', D: '否', F: '重复的发票', G: BJ },
          /* 7 */ { A: 'P-1', B: '增值税专用发票', D: '否', E: '是', F: '李女士' },
          /* 8 */ { A: 'OIL-1', B: '普通发票', C: '成品油', D: '否', F: '某加油站', G: BJ },
          // typed as a number: Excel keeps 15 digits of the 18
          /* 9 */ { A: 'NUM-1', B: '普通发票', D: '否', F: '华为技术有限公司', G: Number(HUAWEI) },
        ],
        [S2]: [
          /* 4 */ { A: 'GOOD-1', B: '运输服务', C: '3010102020100000000', H: '500', I: '0.09' },
          /* 5 */ { A: 'NOPE', B: '运输服务', C: '3010102020100000000', H: '500', I: '0.09' },
          /* 6 */ { A: 'BAD-1', B: '运输服务', C: '3010102020100000000', H: '500', I: '13%' },
          /* 7 */ { A: 'P-1', B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.06' },
          /* 8 */ { A: 'OIL-1', B: '汽油', C: '1070101010100000000', H: '100', I: '0.13' },
          /* 9 */ { A: 'P-1', B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.06', K: '是' },
          /* 10 */ { A: 'NUM-1', B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.06' },
          /* 11 */ { A: 'P-1', B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.06', L: '免税' },
        ],
        [S3]: [/* 4 */ { A: 'P-1', B: '北京市朝阳区', C: '建国路1号', D: '某工程', F: '否' }],
        [S4]: [/* 4 */ { A: 'P-1', B: '备注', C: '写在这里' }],
      })
      const { invoices, errors } = await readBatchFile(file)
      expect(errors).toEqual([
        { sheet: S1, row: 5, column: '发票类型', value: '电子专票', message: '发票类型「电子专票」应为“增值税专用发票”、“普通发票”之一' },
        { sheet: S1, row: 5, column: '购买方名称', value: '', message: '请填写购买方名称' },
        { sheet: S1, row: 6, column: '发票流水号', value: 'BAD-1', message: '发票流水号「BAD-1」与第 5 行重复：每张发票的流水号须唯一' },
        { sheet: S1, row: 7, column: '受票方自然人标识', value: '是', message: '自然人只能开具普通发票，专票的购买方须为企业' },
        { sheet: S1, row: 7, column: '购买方纳税人识别号', value: '', message: '开具专票须填写购买方纳税人识别号' },
        {
          sheet: S1,
          row: 8,
          column: '特定业务类型',
          value: '成品油',
          message: '特定业务类型「成品油」本软件暂不支持开具：目前支持建筑服务、货物运输服务、不动产销售、不动产经营租赁服务、旅客运输服务，其他特定业务请在电子发票服务平台开具',
        },
        {
          sheet: S1,
          row: 9,
          column: '购买方纳税人识别号',
          value: '9.14403001922038E+17',
          message: '单元格被 Excel 存成了数字（9.14403001922038E+17），长数字已丢失精度，无法确认原号码。请把该列设置为“文本”格式后重新填写',
        },
        {
          sheet: S2,
          row: 5,
          column: '发票流水号',
          value: 'NOPE',
          message: '发票流水号「NOPE」在「1-发票基本信息」中没有对应的发票：请核对流水号，或在「1-发票基本信息」中补上该发票',
        },
        { sheet: S2, row: 6, column: '税率', value: '13%', message: '税率「13%」应为数字（以小数形式填写，如“0.13”代表税率13%）' },
        { sheet: S2, row: 9, column: '优惠政策类型', value: '', message: '是否使用优惠政策为“是”时，请选择优惠政策类型' },
        { sheet: S2, row: 11, column: '是否使用优惠政策', value: '', message: '填写了优惠政策类型时，是否使用优惠政策应为“是”' },
        {
          sheet: S3,
          row: 4,
          column: '发票流水号',
          value: 'P-1',
          message: '发票「P-1」在「1-发票基本信息」中没有填写特定业务类型，不能填写特定业务信息：请先选择特定业务类型，或删除此行',
        },
        { sheet: S4, row: 4, column: '附加要素名称', value: '备注', message: RESERVED_EXTRA_MESSAGE },
      ])
      expect(invoices.map((i) => i.serial)).toEqual(['GOOD-1'])
    })
  })

  it('runs the issuing screen’s rules in full with its context: 放弃享受减按1%征收率原因 of a 小规模纳税人’s 3% 专票', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '减按.xlsx')
      const head = (serial: string) => ({ A: serial, B: '增值税专用发票', D: '否', F: '上海物流有限公司', G: SH })
      await fillOfficial(file, {
        [S1]: [/* 4 */ head('R-1'), /* 5 */ { ...head('R-2'), AK: REDUCED_REASONS[1] }],
        [S2]: ['R-1', 'R-2'].map((A) => ({ A, B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.03' })),
      })
      const context: DraftContext = {
        operator: '王会计',
        qualification: { seller: { type: '小规模纳税人', rates: ['3%', '1%', '5%'] }, taxCode: () => null, today: '20261203' },
      }
      const { invoices, errors } = await readBatchFile(file, { context })
      expect(errors).toEqual([{ sheet: S1, row: 4, column: '放弃享受减按1%征收率原因', value: '', message: '小规模纳税人以 3% 征收率开具专票，须选择“放弃享受减按1%征收率原因”' }])
      expect(invoices.map((i) => [i.serial, i.draft.reducedReason])).toEqual([['R-2', REDUCED_REASONS[1]]])
    })
  })

  it('refuses a template whose columns were moved, naming the column, and a file that is not .xlsx', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '改过的模板.xlsx')
      await fillOfficial(file, {}, (wb) => {
        wb.getWorksheet(S2)!.getCell('H3').value = '含税金额'
      })
      const moved = await readBatchFile(file).then(
        () => null,
        (x: unknown) => x as AppError,
      )
      expect([moved?.code, moved?.message]).toEqual([
        'VALIDATION',
        '工作表「2-发票明细信息」第 3 行 H 列应为表头「金额」，实际是「含税金额」：模板的列不能增删或移动，请下载 V260401 版批量开票模板，按模板填写后再导入',
      ])
      const xls = await readBatchFile(OFFICIAL_TEMPLATE, { name: '批量开票.xls' }).then(
        () => null,
        (x: unknown) => x as AppError,
      )
      expect([xls?.code, xls?.message]).toEqual(['FILE_INVALID', '批量开票只能导入 .xlsx 格式的官方模板（V260401 版）：请下载 V260401 版批量开票模板，按模板填写后再导入'])
    })
  })

  it('refuses a template of another version, naming the version it read', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '旧模板.xlsx')
      await fillOfficial(file, {}, (wb) => {
        wb.getWorksheet('excelVersion')!.getCell('A4').value = 'pt:20250101'
      })
      const e = await readBatchFile(file).then(
        () => null,
        (x: unknown) => x,
      )
      expect(e).toBeInstanceOf(AppError)
      expect((e as AppError).code).toBe('VALIDATION')
      expect((e as AppError).message).toBe('模板版本为「pt:20250101」，本软件只能导入 pt:20260401（V260401 版）的批量开票模板：请下载 V260401 版批量开票模板，按模板填写后再导入')
    })
  })

  it('refuses 2,001 lines on one invoice, naming the invoice', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '超行.xlsx')
      const line = { A: 'BIG', B: '咨询服务', C: '3040302000000000000', H: '1', I: '0.06' }
      await fillOfficial(file, {
        [S1]: [
          { A: 'BIG', B: '普通发票', D: '否', F: '上海物流有限公司', G: SH },
          { A: 'SMALL', B: '普通发票', D: '否', F: '上海物流有限公司', G: SH },
        ],
        [S2]: [...Array.from({ length: 2001 }, () => line), { ...line, A: 'SMALL' }],
      })
      const { invoices, errors } = await readBatchFile(file)
      expect(errors).toEqual([{ sheet: S2, row: 4, column: '发票流水号', value: 'BIG', message: '发票「BIG」：项目行数（含折扣行）不能超过 2000 行（现为 2001 行）' }])
      expect(invoices.map((i) => [i.serial, i.lineRows])).toEqual([['SMALL', [2005]]])
    })
  })
})
