import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Centre } from '../../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError } from './api.ts';
import { CentreClient, type ConnectionStatus } from './centre-client.ts';
import type { CentreState } from './centre-state.ts';
import { pairedDeviceToken } from './session.ts';

/** How long to wait before retrying when the server was unreachable at start-up. */
const RELOAD_MS = 5000;

/**
 * For the screens nobody operates (hall display, counter display): find the centre, follow it
 * live over `/centre`, and keep trying by themselves when the server is not up yet — a display
 * boots with its PC, possibly before the server, and nobody is there to press reload.
 */
export class LiveCentreController implements ReactiveController {
  centre: Centre | null = null;
  live: CentreState | null = null;
  status: ConnectionStatus = 'connecting';
  error: ApiError | null = null;
  private client: CentreClient | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly requestedCentreId: () => string | null,
    // These screens are devices: they prove it with the token they were paired with (?pair=).
    private readonly api: Api = createApi('', undefined, { deviceToken: pairedDeviceToken() }),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // After the first render rather than now: the page sets properties right after creating us.
    if (!this.started) {
      this.started = true;
      void this.host.updateComplete.then(() => this.load());
    }
    // The network came back, or the screen woke from sleep: be current now, not at the next fact.
    window.addEventListener('online', this.refresh);
    document.addEventListener('visibilitychange', this.refresh);
  }

  private readonly refresh = () => {
    if (document.visibilityState === 'visible') this.client?.refresh();
  };

  hostDisconnected(): void {
    window.removeEventListener('online', this.refresh);
    document.removeEventListener('visibilitychange', this.refresh);
    clearTimeout(this.timer);
    this.client?.close();
    this.client = null;
    this.started = false;
  }

  private async load(): Promise<void> {
    if (!this.started) return;
    try {
      this.centre = await resolveCentre(this.api, this.requestedCentreId());
      this.error = null;
      this.client = new CentreClient({ centreId: this.centre.id, token: this.api.deviceToken });
      this.client.subscribe((c) => {
        this.live = c.state;
        this.status = c.status;
        this.host.requestUpdate();
      });
    } catch (error) {
      this.error = toApiError(error);
      this.timer = setTimeout(() => void this.load(), RELOAD_MS);
    }
    this.host.requestUpdate();
  }
}
