// What a Teams client does with an Adaptive Card when a user clicks: find the action, collect the
// inputs, and build the payload. Action.Submit → a message whose value is the action's data with the
// inputs merged over it; Action.Execute → an adaptiveCard/action invoke carrying the same merged data.

export type Card = Record<string, unknown>;

export interface CardAction {
  type: 'Action.Submit' | 'Action.Execute';
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
  associatedInputs?: 'auto' | 'none';
}

export interface CardInput {
  id: string;
  type: string;
  value?: string;
  choices?: Array<{ title: string; value: string }>;
}

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    visit(o);
    // A fallback is what a client without the primary action shows; Teams uses the primary.
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && k !== 'data') walk(v, visit);
  }
}

/** Every Action.Submit / Action.Execute a user can click on the card, in document order. */
export function actionsOf(card: Card): CardAction[] {
  const found: CardAction[] = [];
  walk(card, (o) => {
    if (o.type === 'Action.Submit' || o.type === 'Action.Execute') found.push(o as unknown as CardAction);
  });
  return found;
}

export function inputsOf(card: Card): CardInput[] {
  const found: CardInput[] = [];
  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') found.push(o as unknown as CardInput);
  });
  return found;
}

/** The first action whose data matches every given field (e.g. { command: 'start' }). */
export function actionWith(card: Card, fields: Record<string, unknown>): CardAction | undefined {
  return actionsOf(card).find((a) => Object.entries(fields).every(([k, v]) => a.data?.[k] === v));
}

/**
 * The data a click sends: the action's data, then every input that has a value (the user's entry,
 * else the card's default) unless the action is marked associatedInputs: none.
 */
export function clickData(card: Card, action: CardAction, entered: Record<string, string> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(action.data ?? {}) };
  if (action.associatedInputs === 'none') return data;
  for (const input of inputsOf(card)) {
    const value = entered[input.id] ?? input.value;
    if (value !== undefined && value !== '') data[input.id] = value;
  }
  return data;
}

/** Every string a user can read on the card (texts, titles, fact values, choice titles). */
export function textOf(card: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown, key?: string) => {
    if (typeof node === 'string') {
      if (['text', 'title', 'value', 'placeholder'].includes(key ?? '')) out.push(node);
    } else if (Array.isArray(node)) node.forEach((n) => visit(n, key));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if (k !== 'data' && k !== 'url' && k !== 'fallback') visit(v, k);
    }
  };
  visit(card);
  return out.join('\n');
}

/** The question a card asks: its answer buttons / Next carry the question id. */
export function questionIdOf(card: Card): string | undefined {
  return actionsOf(card).find((a) => a.data?.action === 'answer')?.data?.questionId as string | undefined;
}

export function isResultCard(card: Card): boolean {
  const actions = actionsOf(card);
  return actions.some((a) => a.data?.command === 'restart') && !actions.some((a) => a.data?.action === 'answer');
}
