import { css } from 'lit';

/** The kiosk's frame: header, the screen in between, large print's scale (docs/large-print.md). */
export const kioskAppStyles = css`
    /* Large print (issue #15): every font size of the kiosk's screens is multiplied by this. */
    :host([large-print]) {
      --luot-kiosk-scale: var(--luot-kiosk-large-print-scale, 1.3);
    }
    /* On a landscape screen (1080 px high) the number gives the bigger lines some of its height,
       so the ticket, the print band and Back stay on the screen; it is still by far the largest. */
    @media (orientation: landscape) {
      :host([large-print]) {
        --luot-ticket-number-size: clamp(6rem, 16vh, 14rem);
        --luot-ticket-padding: 1rem 4rem;
      }
    }
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      background: var(--luot-bg);
      color: var(--luot-fg);
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 1rem 2rem;
      background: var(--luot-header-bg);
      color: var(--luot-header-fg);
    }
    h1 {
      margin: 0;
      font-size: calc(clamp(1.5rem, 2.6vw, 2.5rem) * var(--luot-kiosk-scale, 1));
      text-transform: uppercase;
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-height: 0;
      padding: 1.5rem 2rem 2rem;
    }
    luot-kiosk-menu,
    luot-dossier-return,
    luot-checkin,
    luot-priority-picker,
    luot-ticket-view {
      flex: 1;
      min-height: 0;
    }
    .out-of-service {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 1.5rem;
      text-align: center;
    }
    .out-of-service h2 {
      margin: 0;
      font-size: calc(clamp(2.5rem, 5vw, 4.5rem) * var(--luot-kiosk-scale, 1));
      color: var(--luot-danger);
      text-transform: uppercase;
    }
    .out-of-service p {
      margin: 0;
      max-width: 40ch;
      font-size: calc(clamp(1.5rem, 2.6vw, 2.25rem) * var(--luot-kiosk-scale, 1));
    }
    .notice {
      margin: 0;
      padding: 0.8rem 2rem;
      background: var(--luot-priority-bg);
      color: var(--luot-priority-fg);
      font-size: calc(1.6rem * var(--luot-kiosk-scale, 1));
      font-weight: 700;
      text-align: center;
    }
    .error {
      margin: 0;
      padding: 1rem 2rem;
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font-size: calc(2rem * var(--luot-kiosk-scale, 1));
      font-weight: 700;
      text-align: center;
    }
`;
