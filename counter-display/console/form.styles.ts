import { css } from 'lit';

/** The look shared by the console's small forms (call by number, transfer, grant priority). */
export const formStyles = css`
  :host {
    display: block;
    padding: 1rem;
    border: 2px solid var(--luot-border);
    border-radius: var(--luot-radius);
    background: var(--luot-bg);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem 1rem;
  }
  h3 {
    margin: 0 0 0.75rem;
    font-size: 1.15rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    font-size: 0.95rem;
    color: var(--luot-muted);
  }
  input,
  select {
    font: inherit;
    font-size: 1.2rem;
    min-height: 3rem;
    padding: 0 0.75rem;
    border-radius: var(--luot-radius);
    border: 2px solid var(--luot-border);
    background: var(--luot-surface);
    color: var(--luot-fg);
  }
  .grow {
    flex: 1;
    min-width: 9rem;
  }
  button {
    font: inherit;
    font-size: 1.15rem;
    font-weight: 700;
    min-height: 3rem;
    padding: 0 1.25rem;
    border-radius: var(--luot-radius);
    cursor: pointer;
  }
  button[type='submit'] {
    border: none;
    background: var(--luot-accent);
    color: var(--luot-accent-fg);
  }
  button[type='button'] {
    border: 2px solid var(--luot-border);
    background: var(--luot-surface);
    color: var(--luot-fg);
  }
  button:disabled {
    opacity: 0.35;
    cursor: not-allowed;
  }
`;
