import type { PrintBlock, PrintDocument } from '../../drivers/printer/types.ts';

/** What a training receipt says at its top and bottom, in both languages (a customer may read either). */
export const TRAINING_RECEIPT_MARK = '*** 연습 모드 / TRAINING ***';
export const TRAINING_RECEIPT_NOTE = '연습용 영수증입니다. 거래가 아닙니다 / NOT A SALE';

/** A training sale's receipt: the ordinary layout between a training mark at the top and at the bottom. */
export function markTraining(doc: PrintDocument): PrintDocument {
  // Normal width: a wide line holds 21 columns, too few for both languages.
  const mark: PrintBlock = { kind: 'text', text: TRAINING_RECEIPT_MARK, align: 'center', bold: true };
  return {
    ...doc,
    blocks: [mark, { kind: 'text', text: TRAINING_RECEIPT_NOTE, align: 'center' }, { kind: 'rule' }, ...doc.blocks, { kind: 'rule' }, mark],
  };
}
