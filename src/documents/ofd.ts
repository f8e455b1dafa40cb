// Placeholder until the OFD writer lands (issue 11, merged later this session).
import type { PlatformInvoice } from '../shared/platform/wire'
import type { RenderOptions } from './index'

export async function renderOfd(_invoice: PlatformInvoice, _opts: RenderOptions): Promise<Buffer> {
  throw new Error('OFD 文件尚未实现')
}
