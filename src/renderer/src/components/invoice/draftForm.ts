// The issuing form holds the user's own input in the documented draft format, with the optional
// parts always present so the inputs can bind to them; toDraft turns it back into the draft the core
// stores (经办人 left out when nothing of it was typed, 差额 mode only under 差额征税).
import type { DraftAgent, DraftBuyer, DraftLine, InvoiceDraft } from '../../../../shared/domain/invoice'
import type { SpecialBusiness } from '../../../../shared/domain/specialBusiness'
import { completeSpecial } from './special/specialForm'

export interface DraftForm extends InvoiceDraft {
  buyer: DraftBuyer & Required<Pick<DraftBuyer, 'idType' | 'idNumber'>>
  agent: DraftAgent
  /** 特定业务: null for a plain invoice (always present, so a draft opened after one clears it) */
  specialBusiness: SpecialBusiness | null
}

export function blankLine(): DraftLine {
  return { name: '', taxCode: '', spec: '', unit: '', quantity: null, unitPrice: null, amount: null, taxRate: '', policy: null, discount: null }
}

function blankAgent(): DraftAgent {
  return { name: '', idType: null, idNumber: '', nationality: '', taxId: '' }
}

export function blankForm(): DraftForm {
  return {
    // the manual's flow starts with 电子发票（普通发票）
    kind: '82',
    taxMode: '普通征税',
    differenceMode: null,
    priceIncludesTax: false,
    buyer: {
      type: '企业',
      name: '',
      taxId: '',
      idType: null,
      idNumber: '',
      address: '',
      phone: '',
      bank: '',
      account: '',
      showAddressPhone: false,
      showBank: false,
    },
    lines: [blankLine()],
    extras: [],
    remark: '',
    agent: blankAgent(),
    payee: '',
    reviewer: '',
    reducedReason: null,
    specialBusiness: null,
  }
}

export function formOf(draft: InvoiceDraft): DraftForm {
  const blank = blankForm()
  return {
    ...blank,
    ...draft,
    buyer: { ...blank.buyer, ...draft.buyer, idType: draft.buyer.idType ?? null, idNumber: draft.buyer.idNumber ?? '' },
    lines: draft.lines.length > 0 ? draft.lines : [blankLine()],
    agent: draft.agent ?? blankAgent(),
    specialBusiness: completeSpecial(draft.specialBusiness),
  }
}

const agentTyped = (a: DraftAgent): boolean => a.idType !== null || [a.name, a.idNumber, a.nationality, a.taxId].some((t) => t.trim() !== '')

/** A plain (non-reactive) draft, safe to send over IPC or HTTP. */
export function toDraft(form: DraftForm): InvoiceDraft {
  const draft: InvoiceDraft = {
    ...form,
    differenceMode: form.taxMode === '差额征税' ? form.differenceMode : null,
    agent: agentTyped(form.agent) ? form.agent : null,
  }
  return JSON.parse(JSON.stringify(draft)) as InvoiceDraft
}

/** Something was typed into the line: removing it asks first. */
export function lineTyped(l: DraftLine): boolean {
  return [l.name, l.taxCode, l.spec, l.unit, l.quantity, l.unitPrice, l.amount, l.discount].some((t) => (t ?? '').trim() !== '')
}
