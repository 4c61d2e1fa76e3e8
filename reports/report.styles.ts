import { css } from 'lit';

/** The look of a reports page section: a card with a title, charts beside tables, a print layout. */
export const reportStyles = css`
  *, *::before, *::after { box-sizing: border-box; }
  :host { display: block; }
  section {
    padding: 1.25rem 1.5rem; border-radius: var(--luot-radius); background: var(--luot-surface); box-shadow: var(--luot-shadow);
    display: grid; gap: 1rem;
    /* minmax(0, …): a wide table scrolls inside the card instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
  }
  h2 { margin: 0; font-size: 1.3rem; }
  h3 { margin: 0; font-size: 1.1rem; }
  .table-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
  figure { margin: 0; }
  figcaption { font-weight: 600; margin-bottom: 0.3rem; }
  .figures { display: flex; flex-wrap: wrap; gap: 0.75rem; }
  .figure { padding: 0.6rem 1rem; border-radius: var(--luot-radius); border: 1px solid var(--luot-border); min-width: 9rem; }
  .figure b { display: block; font-size: 1.6rem; }
  .figure span { color: var(--luot-muted); font-size: 0.9rem; }
  .muted, .note { color: var(--luot-muted); margin: 0; }
  .error { margin: 0; padding: 0.6rem 1rem; border-radius: var(--luot-radius); background: var(--luot-danger); color: var(--luot-danger-fg); font-weight: 700; }
  .warn { color: var(--luot-danger); font-weight: 700; }
  .ok { color: var(--luot-ok); font-weight: 700; }
  @media print {
    section { box-shadow: none; padding: 0; border-radius: 0; }
    .charts { grid-template-columns: 1fr 1fr; }
  }
`;
