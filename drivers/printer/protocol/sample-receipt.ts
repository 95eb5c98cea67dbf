import type { PrintDocument } from '../types.ts';

/** A typical Korean till receipt, used by tests, the lab page and the encode measurement. */
export const SAMPLE_KOREAN_RECEIPT: PrintDocument = {
  blocks: [
    { kind: 'text', text: '옴니마트 강남점', align: 'center', bold: true, size: 'large' },
    { kind: 'text', text: '서울시 강남구 테헤란로 1', align: 'center' },
    { kind: 'text', text: '영수증 0001-01-000042' },
    { kind: 'rule' },
    { kind: 'columns', left: '신라면 x2', right: '2,400' },
    { kind: 'columns', left: '바나나맛 우유', right: '1,500' },
    { kind: 'columns', left: 'Coffee beans 1kg', right: '18,900' },
    { kind: 'rule' },
    { kind: 'columns', left: '합계', right: '22,800', bold: true },
    { kind: 'columns', left: '부가세 포함', right: '2,073' },
    { kind: 'columns', left: '카드 VISA ****1234', right: '22,800' },
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', data: '0001-01-000042' },
    { kind: 'text', text: '감사합니다', align: 'center', size: 'wide' },
  ],
};
