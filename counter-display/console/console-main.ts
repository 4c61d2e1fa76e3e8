/** Counter console entry: URL parameters become the app's properties (web-shared/client/page-params.ts). */
import { readPageParams } from '../../web-shared/client/page-params.ts';
import './luot-counter-console.ts';

/** localStorage can throw (disabled storage, some private modes); the console then just forgets. */
function safeStorage(): Storage | null {
  try {
    const probe = '__luot_probe__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return null;
  }
}

const params = readPageParams(location.search);
const app = document.createElement('luot-counter-console');
app.requestedCentreId = params.centre;
app.language = params.lang;
app.storage = safeStorage();
document.body.append(app);
