/**
 * The one event the console's parts send up to the desk (luot-counter-desk.ts), which turns it
 * into an API request with the ticket guard. A button that needs more input (call by number,
 * transfer, grant) sends its action without a body and the desk opens that form instead.
 */
import type { ConsoleAction } from './console-logic.ts';

export interface ConsoleActionDetail {
  action: ConsoleAction;
  /** The form's fields (number, target, group …); absent for a plain button press. */
  body?: Record<string, string>;
}

export type ConsoleActionEvent = CustomEvent<ConsoleActionDetail>;

export function sendAction(from: HTMLElement, action: ConsoleAction, body?: Record<string, string>): void {
  from.dispatchEvent(new CustomEvent('luot-console-action', { detail: { action, body }, bubbles: true, composed: true }));
}

/** A form's Cancel: the desk closes whichever form is open. */
export function closeForm(from: HTMLElement): void {
  from.dispatchEvent(new CustomEvent('luot-console-form-close', { bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'luot-console-action': ConsoleActionEvent;
    'luot-console-form-close': CustomEvent<void>;
  }
}
