import type { FileRef } from '../../../shared/api/define'
import type { CoreContext } from '../context'
import { writeTemplate } from './excel/write'
import type { SheetSpec } from './excel/spec'

/** 下载导入模板: the template is written fresh each time, so it always matches this version. */
export async function templateFile(ctx: CoreContext, sheet: SheetSpec, name: string): Promise<FileRef> {
  const out = ctx.files.output(name)
  await writeTemplate(sheet, out.path)
  return { token: out.token, name: out.name }
}
