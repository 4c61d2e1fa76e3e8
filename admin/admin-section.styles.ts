import { css } from 'lit';

/** The look of an admin page section (luot-admin-*.ts): a card with a title, a form and a table. */
export const sectionStyles = css`
  :host {
    display: block;
    padding: 1.25rem 1.5rem;
    border-radius: var(--luot-radius);
    background: var(--luot-surface);
    box-shadow: var(--luot-shadow);
  }
  h2 {
    margin: 0 0 1rem;
    font-size: 1.3rem;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem 1rem;
    margin-bottom: 1rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    color: var(--luot-muted);
  }
  input,
  select {
    font: inherit;
    font-size: 1.1rem;
    min-height: 2.75rem;
    padding: 0 0.75rem;
    border-radius: var(--luot-radius);
    border: 2px solid var(--luot-border);
    background: var(--luot-surface);
    color: var(--luot-fg);
  }
  button {
    font: inherit;
    font-weight: 700;
    min-height: 2.75rem;
    padding: 0 1.1rem;
    border: none;
    border-radius: var(--luot-radius);
    background: var(--luot-accent);
    color: var(--luot-accent-fg);
    cursor: pointer;
  }
  button.quiet {
    background: transparent;
    color: var(--luot-accent);
    border: 2px solid var(--luot-accent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: wait;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    padding: 0.55rem 0.5rem;
    border-bottom: 1px solid var(--luot-border);
  }
  th {
    color: var(--luot-muted);
    font-weight: 600;
  }
  .muted {
    color: var(--luot-muted);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--luot-danger);
  }
  input[type='checkbox'] {
    min-height: auto;
    width: 1.4rem;
    height: 1.4rem;
  }
  label.check {
    flex-direction: row;
    align-items: center;
    gap: 0.5rem;
    color: var(--luot-fg);
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem 1rem;
    margin: 0;
    padding: 0.75rem 1rem;
    border: 2px solid var(--luot-border);
    border-radius: var(--luot-radius);
  }
  legend {
    padding: 0 0.4rem;
    color: var(--luot-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .hints {
    margin: 0 0 1rem;
    padding: 0.6rem 0.8rem 0.6rem 2rem;
    border-radius: var(--luot-radius);
    border: 2px solid var(--luot-danger);
    color: var(--luot-danger);
    font-weight: 600;
  }
  .saved {
    color: var(--luot-ok);
    font-weight: 700;
  }
  .once {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 2px dashed var(--luot-accent);
    border-radius: var(--luot-radius);
  }
  .once code {
    font-size: 1.3rem;
    user-select: all;
  }
  .error {
    margin: 0 0 1rem;
    padding: 0.6rem 0.8rem;
    border-radius: var(--luot-radius);
    background: var(--luot-danger);
    color: var(--luot-danger-fg);
    font-weight: 700;
  }
`;
