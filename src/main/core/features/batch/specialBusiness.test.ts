// 特定业务 in the official template (sheet 3, rows 1–3): each kind's fields and rules, read from a
// copy filled by the test through ExcelJS — 租赁期 to the day or (code 3040502020200000000) to the
// minute and in order, 出行日期 and 等级 by 交通工具类型, 跨地市标志 against its 报验管理编号, the
// other kinds' columns left empty, 合计 lengths, and the 行政区划 columns against a supplied list.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../../files/excel/testSupport'
import { readBatchFile } from './readBatchFile'
import { fillOfficial, haveOfficialTemplate, SKIP_REASON } from './testSupport'

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
        ],
        '2-发票明细信息': [
          line('L-1', '3040502020200000000'),
          line('T-1', '3010101010100000000'),
          line('C-1', '3050100000000000000'),
          line('S-1', '5010101000000000000'),
          line('T-2', '3010101010100000000'),
          line('M-1', '3050100000000000000'),
        ],
        [S3]: [
          /* 4 */ { A: 'L-1', V: '京(2026)朝阳区不动产权第0000001号', W: '北京市朝阳区', X: '建国路1号', Y: '20260201', Z: '202612311200', AA: '否', AB: '平方米' },
          /* 5 */ { A: 'T-1', AL: '张三', AM: '居民身份证', AN: '11010519491231002X', AO: '20260230', AP: '北京市朝阳区首都机场', AQ: '上海市浦东新区', AR: '飞机' },
          /* 6 */ { A: 'C-1', B: '北京市朝阳区', C: '建国路1号', D: '国贸改造', F: '否', G: 'BY-001', H: '上海市浦东新区' },
          /* 7 */ { A: 'S-1', N: '火星市', O: '1号', S: '1000000', T: '否', U: '平方米' },
          /* 8 */ { A: 'L-1', V: '京(2026)朝阳区不动产权第0000002号', W: '北京市朝阳区', X: '建国路2号', Y: '202602011200', Z: '202601311200', AA: '否', AB: '亩' },
          /* 9 */ { A: 'T-2', AL: '李四', AM: '居民身份证', AN: '11010519491231002X', AO: '20260301', AP: '北京市朝阳区', AQ: '天津市和平区', AR: '火车', AS: '二等座' },
          /* 10 */ { A: 'M-1', B: '北京市朝阳区', C: LONG, D: '某工程', F: '是' },
        ],
      })
      const regions = {
        行政区划: new Set(['北京市朝阳区', '上海市浦东新区', '天津市和平区']),
        '行政区划（建筑服务）': new Set(['北京市朝阳区']),
      }
      const { invoices, errors } = await readBatchFile(file, { regions })
      expect(errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
        [4, '租赁期起（不动产经营租赁服务）', '20260201', '租赁期起「20260201」应为 12 位日期时间（如 202202011631：商品编码 3040502020200000000 精确到分钟）'],
        [5, '出行日期（旅客运输服务）', '20260230', '出行日期「20260230」应为 8 位日期，如 20220301'],
        [5, '等级（旅客运输服务）', '', '交通工具为飞机时，请填写等级（经济舱、头等舱、公务舱）'],
        [6, '跨区域涉税事项报验管理编号（建筑服务）', 'BY-001', '跨地市标志为“否”时，跨区域涉税事项报验管理编号不可填写'],
        [6, '起运地（货物运输服务）', '上海市浦东新区', '该发票的特定业务类型为「建筑服务」，不应填写货物运输服务的「起运地」'],
        [7, '不动产地址（不动产销售）', '火星市', '不动产地址（不动产销售）「火星市」不是行政区划中的名称：请从下拉列表中选择（须到县、市、区）'],
        [8, '租赁期止（不动产经营租赁服务）', '202601311200', '租赁期止 202601311200 不能早于租赁期起 202602011200'],
        [10, '建筑服务发生地（建筑服务）', '北京市朝阳区', '建筑服务发生地（建筑服务）与其详细地址合计不能超过 120 个字符（现为 121 个）'],
        [10, '跨区域涉税事项报验管理编号（建筑服务）', '', '跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号'],
      ])
      expect(errors.every((e) => e.sheet === S3)).toBe(true)
      expect(invoices.map((i) => [i.serial, i.specialBusiness?.fields[0]?.seatClass])).toEqual([['T-2', '二等座']])
    })
  })
})
