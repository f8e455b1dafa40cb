// codes.*: the code lists the forms choose from, as the app ships them.
import type { Registry } from '../registry'
import { readRegions } from './regions'

export function registerCodes(reg: Registry): void {
  reg.handle('codes.regions', (_input, ctx) => readRegions(ctx.appDir).counties)
}
