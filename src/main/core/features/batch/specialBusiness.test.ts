// 特定业务 in the official template (sheet 3, rows 1–3), read from a copy filled by the test through
// ExcelJS: the rows become the draft's specialBusiness in the domain's form, and the domain's rules
// (validateDraft → checkSpecialBusiness) speak at sheet 3's cells — 租赁期 to the day or (code
// 3040502020200000000) to the minute and in order, 出行日期 and 等级 by 交通工具类型, 跨地市标志
// against its 报验管理编号, one row for a one-row kind, 合计 lengths, the 行政区划 columns against a
// supplied list; the template's own rule: another kind's columns left empty (代收车船税 included).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../../files/excel/testSupport'
import { readBatchFile } from './readBatchFile'
import { fillOfficial, haveOfficialTemplate, SKIP_REASON } from './testSupport'

const S1 = '1-发票基本信息'

const S3 = '3-特定业务信息'
const SH = '91310000132206289R'
const head = (serial: string, kind: string) => ({ A: serial, B: '普通发票', C: kind, D: '否', F: '上海物流有限公司', G: SH })
const line = (serial: string, code: string) => ({ A: serial, B: '服务', C: code, H: '1000', I: '0.09' })
const LONG = '路'.repeat(115)

describe.skipIf(!haveOfficialTemplate)(haveOfficialTemplate ? 'readBatchFile: 特定业务' : `readBatchFile: 特定业务 — ${SKIP_REASON}`, () => {
  it('checks each kind’s own fields and rules, at the cell to fix', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '特定业务.xlsx')
      await fillOfficial(file, {
        '1-发票基本信息': [
          head('L-1', '不动产经营租赁服务'),
          head('T-1', '旅客运输服务'),
          head('C-1', '建筑服务'),
          head('S-1', '不动产销售'),
          head('T-2', '旅客运输服务'),
          head('M-1', '建筑服务'),
          head('E-1', '建筑服务'),
        ],
        '2-发票明细信息': [
          line('L-1', '3040502020200000000'),
          line('T-1', '3010101010100000000'),
          line('C-1', '3050100000000000000'),
          line('S-1', '5010101000000000000'),
          line('T-2', '3010101010100000000'),
          line('M-1', '3050100000000000000'),
          line('E-1', '3050100000000000000'),
        ],
        [S3]: [
          /* 4 */ { A: 'L-1', V: '京(2026)朝阳区不动产权第0000001号', W: '北京市朝阳区', X: '建国路1号', Y: '20260201', Z: '202612311200', AA: '否', AB: '平方米' },
          /* 5 */ { A: 'T-1', AL: '张三', AM: '居民身份证', AN: '11010519491231002X', AO: '20260230', AP: '北京市朝阳区首都机场', AQ: '上海市浦东新区', AR: '飞机' },
          /* 6 */ { A: 'C-1', B: '北京市朝阳区', C: '建国路1号', D: '国贸改造', F: '否', G: 'BY-001', H: '上海市浦东新区' },
          /* 7 */ { A: 'S-1', N: '火星市', O: '1号', S: '1000000', T: '否', U: '平方米' },
          /* 8 */ { A: 'L-1', V: '京(2026)朝阳区不动产权第0000002号', W: '北京市朝阳区', X: '建国路2号', Y: '202602011200', Z: '202601311200', AA: '否', AB: '亩' },
          /* 9 */ { A: 'T-2', AL: '李四', AM: '居民身份证', AN: '11010519491231002X', AO: '20260301', AP: '北京市朝阳区', AQ: '天津市和平区', AR: '火车', AS: '二等座' },
          /* 10 */ { A: 'M-1', B: '北京市朝阳区', C: LONG, D: '某工程', F: '是', AD: 'PICC-001' },
        ],
      })
      const regions = new Set(['北京市朝阳区', '上海市浦东新区', '天津市和平区'])
      const { invoices, errors } = await readBatchFile(file, { regions })
      expect(errors.map((e) => [e.sheet, e.row, e.column, e.value, e.message])).toEqual([
        [S1, 10, '特定业务类型', '建筑服务', '请填写建筑服务的特定业务信息（在「3-特定业务信息」中按发票流水号「E-1」填写）'],
        [S3, 4, '发票流水号', 'L-1', '发票「L-1」：不动产经营租赁服务只能填写 1 组特定业务信息（现为 2 组）'],
        [S3, 4, '租赁期起（不动产经营租赁服务）', '20260201', '不动产经营租赁服务：租赁期起“20260201”无效，应为12 位日期时间，如 202202011631（车辆停放服务精确到分钟）'],
        [S3, 5, '出行日期（旅客运输服务）', '20260230', '旅客运输服务：出行日期“20260230”无效，应为 8 位日期，如 20220301'],
        [S3, 5, '等级（旅客运输服务）', '', '旅客运输服务：交通工具为飞机时请填写等级（经济舱、头等舱、公务舱）'],
        [S3, 6, '跨区域涉税事项报验管理编号（建筑服务）', 'BY-001', '建筑服务：跨地市标志为“否”时，跨区域涉税事项报验管理编号不可填写'],
        [S3, 6, '起运地（货物运输服务）', '上海市浦东新区', '该发票的特定业务类型为「建筑服务」，不应填写货物运输服务的「起运地」'],
        [S3, 7, '不动产地址（不动产销售）', '火星市', '不动产销售：不动产地址“火星市”不在行政区划列表中，请从列表选择（含县（市、区），如“北京市怀柔区”）'],
        [S3, 8, '租赁期止（不动产经营租赁服务）', '202601311200', '不动产经营租赁服务：租赁期止（202601311200）不能早于租赁期起（202602011200）'],
        [S3, 10, '发生地详细地址（建筑服务）', LONG, '建筑服务：建筑服务发生地与发生地详细地址合计不能超过 120 个字符（现为 121 个）'],
        [S3, 10, '跨区域涉税事项报验管理编号（建筑服务）', '', '建筑服务：跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号'],
        [S3, 10, '保险单号（代收车船税）', 'PICC-001', '该发票的特定业务类型为「建筑服务」，不应填写代收车船税的「保险单号」（本软件暂不开具代收车船税发票）：请删除该单元格'],
      ])
      expect(invoices.map((i) => [i.serial, i.draft.specialBusiness?.rows[0]?.class])).toEqual([['T-2', '二等座']])
    })
  })

  it('judges 发生地 by the 行政区划 list the app ships when the caller gives none', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '发生地.xlsx')
      await fillOfficial(file, {
        [S1]: [head('B-1', '建筑服务'), head('B-2', '建筑服务')],
        '2-发票明细信息': [line('B-1', '3050100000000000000'), line('B-2', '3050100000000000000')],
        [S3]: [
          { A: 'B-1', B: '北京市不存在区', C: '建国路1号', D: '某工程', F: '否' },
          { A: 'B-2', B: '河北省保定市阜平县', C: '城南路1号', D: '某工程', F: '否' },
        ],
      })
      const { invoices, errors } = await readBatchFile(file)
      expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [4, '建筑服务发生地（建筑服务）', '建筑服务：建筑服务发生地“北京市不存在区”不在行政区划列表中，请从列表选择（含县（市、区），如“北京市怀柔区”）'],
      ])
      expect(invoices.map((i) => i.serial)).toEqual(['B-2'])
    })
  })
})
