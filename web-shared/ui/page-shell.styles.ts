import { css } from 'lit';

/**
 * The frame of the staff pages behind a login (admin, reports): full-height host, a header bar
 * with the title, who is signed in and a logout button, and the page-wide error and prompt lines,
 * as staff-gate.controller.ts draws them.
 */
export const pageShellStyles = css`
  :host { display: flex; flex-direction: column; min-height: 100vh; background: var(--luot-bg); color: var(--luot-fg); }
  header {
    display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: 0.75rem 1.5rem;
    background: var(--luot-header-bg); color: var(--luot-header-fg);
  }
  h1 { margin: 0; font-size: 1.3rem; flex: 1; }
  .who { font-weight: 600; }
  .logout {
    font: inherit; min-height: 3rem; padding: 0.5em 1em; border-radius: var(--luot-radius);
    border: 2px solid currentColor; background: transparent; color: inherit; cursor: pointer;
  }
  .error, .prompt { margin: 0; padding: 0.9rem 1.5rem; font-size: 1.3rem; font-weight: 700; text-align: center; }
  .error { background: var(--luot-danger); color: var(--luot-danger-fg); }
  .prompt { padding: 4rem 1rem; color: var(--luot-muted); }
`;
