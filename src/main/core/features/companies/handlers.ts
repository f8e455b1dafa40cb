import { mutates, type Registry } from '../../registry'
import { createCompany, currentCompany, listCompanies, switchCompany, updateCompany } from './service'

export function registerCompanies(reg: Registry): void {
  reg.handle('companies.list', (_input, ctx) => listCompanies(ctx))
  reg.handle('companies.current', (_input, ctx) => currentCompany(ctx))
  reg.handle(
    'companies.create',
    mutates(['company'], (input, ctx) => createCompany(ctx, input)),
  )
  reg.handle(
    'companies.update',
    mutates(['company'], (input, ctx) => updateCompany(ctx, input)),
  )
  reg.handle(
    'companies.switch',
    mutates(['company'], (input, ctx) => switchCompany(ctx, input.taxId)),
  )
}
