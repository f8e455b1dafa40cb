// 场景模板 (manual §1.1.3, DOMAIN.md §7): a named, ordered set of 附加要素 an invoice takes at once.
import { z } from 'zod'
import { call, idList, type Page } from './define'
import { MAX_EXTRAS, type ExtraType } from './extras'
import { requiredText } from './fields'

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

export const scenesApi = {
  'scenes.list': call(z.object({ query: z.string().trim().max(50).optional() }).optional()).returns<Page<Scene>>(),
  'scenes.create': call(sceneInput).returns<Scene>(),
  'scenes.update': call(sceneUpdate).returns<Scene>(),
  'scenes.delete': call(z.object({ ids: idList })).returns<{ deleted: number }>(),
}
