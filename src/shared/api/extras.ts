// 附加要素信息维护 (manual §1.1.3): 附加要素项目 and 场景模板 (DOMAIN.md §7).
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

const sceneFields = z.object({
  name: requiredText('场景模板名称', 50),
  /** in the order the elements appear on the invoice */
  extraIds: z
    .array(z.number().int().positive())
    .min(1, '请至少选择一个附加要素')
    .max(MAX_EXTRAS)
    .refine((ids) => new Set(ids).size === ids.length, '同一附加要素不能重复选择'),
})

export const sceneInput = sceneFields
export const sceneUpdate = sceneFields.extend({ id: z.number().int().positive() })
export type SceneInput = z.input<typeof sceneInput>

export interface Scene {
  id: number
  name: string
  extras: { id: number; name: string; dataType: ExtraType }[]
  createdAt: string
  updatedAt: string
}

export const extrasApi = {
  'extras.list': call(z.object({ query: z.string().trim().max(50).optional() }).optional()).returns<Page<Extra>>(),
  'extras.create': call(extraInput).returns<Extra>(),
  'extras.update': call(extraUpdate).returns<Extra>(),
  'extras.delete': call(z.object({ ids: idList })).returns<{ deleted: number }>(),
  'scenes.list': call(z.object({ query: z.string().trim().max(50).optional() }).optional()).returns<Page<Scene>>(),
  'scenes.create': call(sceneInput).returns<Scene>(),
  'scenes.update': call(sceneUpdate).returns<Scene>(),
  'scenes.delete': call(z.object({ ids: idList })).returns<{ deleted: number }>(),
}
