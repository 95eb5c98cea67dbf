import type { LocalizedText } from '../product.ts';
import { allocate, money } from '../money.ts';
import { type Promotion, type PromotionRule, isItemRule } from './promotion.ts';

export interface PricingLine {
  readonly lineId: string;
  readonly productId: string;
  readonly unitPrice: number;
  readonly quantity: number;
}

/** A discount the cashier gave by hand (within a role's limit, or approved by a supervisor). */
export interface ManualDiscount {
  readonly id: string;
  readonly scope: 'line' | 'basket';
  readonly lineId?: string | undefined;
  readonly kind: 'percent' | 'amount';
  /** Basis points for percent (1000 = 10%), minor units for amount. */
  readonly value: number;
  readonly label: LocalizedText;
  readonly approvedBy?: string | undefined;
}

/** One saving as the receipt shows it. */
export interface Saving {
  readonly id: string;
  readonly source: 'promotion' | 'manual';
  readonly label: LocalizedText;
  readonly amount: number;
  readonly lineIds: readonly string[];
}

export interface PricedLine {
  readonly lineId: string;
  readonly gross: number;
  readonly discount: number;
  readonly net: number;
}

export interface PricedBasket {
  readonly lines: readonly PricedLine[];
  readonly savings: readonly Saving[];
  readonly gross: number;
  readonly discount: number;
  readonly net: number;
}

interface Unit {
  readonly index: number;
  readonly lineId: string;
  readonly productId: string;
  readonly price: number;
}

/** Beyond this many competing item promotions the search is greedy rather than exhaustive. */
const EXHAUSTIVE_LIMIT = 5;

const byPriceDesc = (a: Unit, b: Unit): number => b.price - a.price || a.index - b.index;

/** What one item rule saves on the units still free to take a promotion. */
function applyItemRule(rule: PromotionRule, free: readonly Unit[]): { saved: Map<number, number>; taken: Set<number> } {
  const saved = new Map<number, number>();
  const taken = new Set<number>();
  if (!('productIds' in rule)) return { saved, taken };
  const group = new Set(rule.productIds);
  const eligible = free.filter((u) => group.has(u.productId)).sort(byPriceDesc);
  switch (rule.kind) {
    case 'buy_n_get_m': {
      const size = rule.buy + rule.free;
      for (let k = 0; (k + 1) * size <= eligible.length; k++) {
        const set = eligible.slice(k * size, (k + 1) * size);
        set.forEach((u) => taken.add(u.index));
        // The cheapest units of each set are the free ones.
        set.slice(rule.buy).forEach((u) => saved.set(u.index, u.price));
      }
      break;
    }
    case 'bundle_price': {
      for (let k = 0; (k + 1) * rule.quantity <= eligible.length; k++) {
        const set = eligible.slice(k * rule.quantity, (k + 1) * rule.quantity);
        const sum = set.reduce((a, u) => a + u.price, 0);
        if (sum <= rule.price) continue;
        const parts = allocate(money(sum - rule.price, 'X'), set.map((u) => u.price));
        set.forEach((u, i) => {
          taken.add(u.index);
          saved.set(u.index, parts[i]?.minor ?? 0);
        });
      }
      break;
    }
    case 'item_percent':
      for (const u of eligible) {
        taken.add(u.index);
        saved.set(u.index, Math.floor((u.price * rule.percentBps) / 10000));
      }
      break;
    case 'item_amount':
      for (const u of eligible) {
        taken.add(u.index);
        saved.set(u.index, Math.min(rule.amountOff, u.price));
      }
      break;
  }
  return { saved, taken };
}

interface Plan {
  /** Item promotions in the order they take units. */
  readonly order: readonly Promotion[];
  readonly unitSavings: ReadonlyMap<number, { promotionId: string; amount: number }>;
  readonly itemTotal: number;
}

function runPlan(order: readonly Promotion[], units: readonly Unit[]): Plan {
  const unitSavings = new Map<number, { promotionId: string; amount: number }>();
  let free = units;
  let itemTotal = 0;
  for (const p of order) {
    const { saved, taken } = applyItemRule(p.rule, free);
    for (const [index, amount] of saved) {
      if (amount > 0) unitSavings.set(index, { promotionId: p.id, amount });
      itemTotal += amount;
    }
    free = free.filter((u) => !taken.has(u.index));
  }
  return { order, unitSavings, itemTotal };
}

/** Every ordered selection of the promotions (skipping any), so no option is ever lost. */
function* orderedSelections<T>(items: readonly T[]): Generator<T[]> {
  yield [];
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of orderedSelections(rest)) yield [items[i] as T, ...tail];
  }
}

function basketSaving(rule: PromotionRule, subtotal: number): number {
  if (rule.kind === 'basket_threshold') return subtotal >= rule.minTotal ? Math.min(rule.amountOff, subtotal) : 0;
  if (rule.kind === 'basket_percent') return subtotal >= rule.minTotal ? Math.floor((subtotal * rule.percentBps) / 10000) : 0;
  return 0;
}

/** The basket rules on a subtotal: the best non-stackable one, then every stackable one on what is left. */
function basketPlan(rules: readonly Promotion[], subtotal: number): { promotion: Promotion; amount: number }[] {
  const out: { promotion: Promotion; amount: number }[] = [];
  let best: { promotion: Promotion; amount: number } | null = null;
  for (const p of rules.filter((r) => !r.stackable)) {
    const amount = basketSaving(p.rule, subtotal);
    if (amount > 0 && (!best || amount > best.amount)) best = { promotion: p, amount };
  }
  let left = subtotal;
  if (best) {
    out.push(best);
    left -= best.amount;
  }
  for (const p of rules.filter((r) => r.stackable)) {
    const amount = basketSaving(p.rule, left);
    if (amount > 0) {
      out.push({ promotion: p, amount });
      left -= amount;
    }
  }
  return out;
}

/** Spreads a basket-level saving over the lines in proportion to what they still cost. */
function spread(amount: number, nets: Map<string, number>): Map<string, number> {
  const ids = [...nets.keys()].filter((id) => (nets.get(id) ?? 0) > 0);
  const out = new Map<string, number>();
  if (ids.length === 0 || amount <= 0) return out;
  const parts = allocate(money(amount, 'X'), ids.map((id) => nets.get(id) ?? 0));
  ids.forEach((id, i) => out.set(id, parts[i]?.minor ?? 0));
  return out;
}

/**
 * Prices a basket: the best combination of the given promotions for the customer (they must
 * already be the ones that apply now, see promotionApplies), then the manual discounts.
 * Pure and deterministic; every won is accounted for (net = gross - discount on each line).
 */
export function priceBasket(lines: readonly PricingLine[], promotions: readonly Promotion[], manual: readonly ManualDiscount[] = []): PricedBasket {
  const units: Unit[] = [];
  for (const l of lines) for (let q = 0; q < l.quantity; q++) units.push({ index: units.length, lineId: l.lineId, productId: l.productId, price: l.unitPrice });
  const gross = units.reduce((a, u) => a + u.price, 0);
  // A minimum spend is read on the shelf total, before any saving (what the coupon's small print says).
  const applicable = promotions.filter((p) => (p.minSpend ?? 0) <= gross);

  const productIds = new Set(units.map((u) => u.productId));
  const itemRules = applicable.filter((p) => isItemRule(p.rule) && 'productIds' in p.rule && p.rule.productIds.some((id) => productIds.has(id)));
  const basketRules = applicable.filter((p) => !isItemRule(p.rule));

  // Choose the item plan whose item AND basket savings together are largest.
  const candidates: Iterable<Promotion[]> =
    itemRules.length <= EXHAUSTIVE_LIMIT
      ? orderedSelections(itemRules)
      : [[...itemRules].sort((a, b) => runPlan([b], units).itemTotal - runPlan([a], units).itemTotal)];
  let best: { plan: Plan; basket: { promotion: Promotion; amount: number }[]; total: number } | null = null;
  for (const order of candidates) {
    const plan = runPlan(order, units);
    const basket = basketPlan(basketRules, gross - plan.itemTotal);
    const total = plan.itemTotal + basket.reduce((a, b) => a + b.amount, 0);
    if (!best || total > best.total) best = { plan, basket, total };
  }
  const chosen = best ?? { plan: runPlan([], units), basket: [], total: 0 };

  const discounts = new Map<string, number>(lines.map((l) => [l.lineId, 0]));
  const savings: Saving[] = [];
  const addTo = (lineId: string, amount: number): void => {
    discounts.set(lineId, (discounts.get(lineId) ?? 0) + amount);
  };
  const netOf = (): Map<string, number> => new Map(lines.map((l) => [l.lineId, l.unitPrice * l.quantity - (discounts.get(l.lineId) ?? 0)]));

  for (const p of chosen.plan.order) {
    let amount = 0;
    const lineIds = new Set<string>();
    for (const u of units) {
      const s = chosen.plan.unitSavings.get(u.index);
      if (s?.promotionId !== p.id) continue;
      amount += s.amount;
      lineIds.add(u.lineId);
      addTo(u.lineId, s.amount);
    }
    if (amount > 0) savings.push({ id: p.id, source: 'promotion', label: p.name, amount, lineIds: [...lineIds] });
  }
  for (const { promotion, amount } of chosen.basket) {
    const parts = spread(amount, netOf());
    for (const [lineId, a] of parts) addTo(lineId, a);
    savings.push({ id: promotion.id, source: 'promotion', label: promotion.name, amount, lineIds: [...parts.keys()] });
  }

  for (const d of manual.filter((m) => m.scope === 'line')) {
    const net = netOf().get(d.lineId ?? '') ?? 0;
    const amount = d.kind === 'percent' ? Math.floor((net * d.value) / 10000) : Math.min(d.value, net);
    if (amount <= 0 || !d.lineId) continue;
    addTo(d.lineId, amount);
    savings.push({ id: d.id, source: 'manual', label: d.label, amount, lineIds: [d.lineId] });
  }
  for (const d of manual.filter((m) => m.scope === 'basket')) {
    const nets = netOf();
    const total = [...nets.values()].reduce((a, b) => a + b, 0);
    const amount = d.kind === 'percent' ? Math.floor((total * d.value) / 10000) : Math.min(d.value, total);
    if (amount <= 0) continue;
    const parts = spread(amount, nets);
    for (const [lineId, a] of parts) addTo(lineId, a);
    savings.push({ id: d.id, source: 'manual', label: d.label, amount, lineIds: [...parts.keys()] });
  }

  const priced = lines.map((l) => {
    const g = l.unitPrice * l.quantity;
    const discount = discounts.get(l.lineId) ?? 0;
    return { lineId: l.lineId, gross: g, discount, net: g - discount };
  });
  const discount = priced.reduce((a, l) => a + l.discount, 0);
  return { lines: priced, savings, gross, discount, net: gross - discount };
}
