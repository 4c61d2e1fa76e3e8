import { css } from 'lit';

/** The booking page's look: a phone first (one column, big targets), a card for the booked and cancel screens. */
export const bookingStyles = css`
    :host {
      display: block;
      min-height: 100vh;
      background: var(--luot-bg);
      color: var(--luot-fg);
      font-size: 1.05rem;
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      padding: 0.75rem 1rem;
      background: var(--luot-header-bg);
      color: var(--luot-header-fg);
    }
    h1 {
      margin: 0;
      font-size: 1.4rem;
    }
    .centre {
      margin: 0.15rem 0 0;
      font-size: 0.95rem;
    }
    main {
      padding: 0.75rem 1rem 2rem;
      max-width: 36rem;
      margin: 0 auto;
    }
    fieldset {
      margin: 0 0 1rem;
      padding: 0;
      border: none;
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
    }
    legend {
      font-weight: 700;
      font-size: 1.15rem;
      margin-bottom: 0.5rem;
    }
    .choices,
    .days {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .slots {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 0.5rem;
    }
    button,
    input,
    .link {
      font: inherit;
      min-height: 3rem;
      border-radius: var(--luot-radius);
    }
    button {
      cursor: pointer;
      touch-action: manipulation;
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-fg);
      padding: 0.4rem 0.8rem;
      text-align: left;
    }
    button.chosen {
      background: var(--luot-accent);
      color: var(--luot-surface);
    }
    button:disabled {
      opacity: 0.45;
    }
    .slot {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: 0.3rem;
    }
    .slot .time {
      font-weight: 700;
      font-size: 1.15rem;
    }
    .slot .free {
      font-size: 0.85rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    input {
      padding: 0 0.6rem;
      border: 1px solid var(--luot-muted);
    }
    .primary {
      text-align: center;
      font-weight: 700;
      background: var(--luot-accent);
      color: var(--luot-surface);
    }
    .danger {
      background: var(--luot-danger);
      border-color: var(--luot-danger);
    }
    .secondary {
      text-align: center;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      align-items: center;
      text-align: center;
      padding: 1rem;
      border-radius: var(--luot-radius);
      background: var(--luot-surface);
      box-shadow: var(--luot-shadow);
    }
    .card p {
      margin: 0;
    }
    .card h2 {
      margin: 0;
      color: var(--luot-accent);
    }
    .code {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 2.4rem;
      font-weight: 800;
      letter-spacing: 0.08em;
    }
    .qr {
      width: 12rem;
      height: 12rem;
      image-rendering: pixelated;
    }
    .what {
      font-weight: 700;
    }
    .hint,
    .label {
      color: var(--luot-muted);
    }
    .link {
      display: inline-flex;
      align-items: center;
      color: var(--luot-danger);
    }
    .error {
      margin: 0;
      padding: 0.75rem 1rem;
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font-weight: 700;
    }
`;
