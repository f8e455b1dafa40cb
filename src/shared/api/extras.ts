// 附加要素信息维护 (manual §1.1.3): the 附加要素项目 (DOMAIN.md §7); 场景模板 are scenes.ts.
import { z } from 'zod'
import { call, idList, type Page } from './define'
import { requiredText } from './fields'
import { RESERVED_EXTRA_MESSAGE, RESERVED_EXTRA_NAME } from '../domain/extras'

export const EXTRA_TYPES = ['文本', '数值', '日期'] as const
export type ExtraType = (typeof EXTRA_TYPES)[number]
export const MAX_EXTRAS = 10

const extraFields = z.object({
  name: requiredText('附加要素名称', 50).refine((s) => s !== RESERVED_EXTRA_NAME, RESERVED_EXTRA_MESSAGE),
  dataType: z.enum(EXTRA_TYPES, { error: '数据类型应为 文本、数值 或 日期' }),
})

export const extraInput = extraFields
export const extraUpdate = extraFields.extend({ id: z.number().int().positive() })
export type ExtraInput = z.input<typeof extraInput>

export interface Extra {
  id: number
  name: string
  dataType: ExtraType
  /** the scene templates using it: it cannot be deleted while any does */
  usedBy: string[]
  createdAt: string
  updatedAt: string
}

export const extrasApi = {
  'extras.list': call(z.object({ query: z.string().trim().max(50).optional() }).optional()).returns<Page<Extra>>(),
  'extras.create': call(extraInput).returns<Extra>(),
  'extras.update': call(extraUpdate).returns<Extra>(),
  'extras.delete': call(z.object({ ids: idList })).returns<{ deleted: number }>(),
}
