import type { Registry } from '../registry'
import { identifyImport } from './identify'

export function registerIdentify(reg: Registry): void {
  reg.handle('files.identify', ({ file }, ctx) => identifyImport(ctx.files.resolve(file)))
}
