// 附加要素 (DOMAIN.md §7): a company's own named fields printed on the invoice. 备注 is the invoice's
// own field, so no element — in settings or on a draft — may take its name.
export const RESERVED_EXTRA_NAME = '备注'
export const RESERVED_EXTRA_MESSAGE = `“${RESERVED_EXTRA_NAME}”是发票的固有栏目，不能作为附加要素名称：备注请填写在发票的备注栏`
