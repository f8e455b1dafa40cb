// The spreadsheet imports by entity name: the import worker finds its spec here (functions do
// not cross a thread boundary, names do).
import { customerImport } from './customers/sheet'
import { itemImport } from './items/sheet'

export const importSpecs = {
  customer: customerImport,
  item: itemImport,
}

export type ImportEntity = keyof typeof importSpecs
