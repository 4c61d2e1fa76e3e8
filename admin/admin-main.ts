/** Admin page entry: URL parameters become the app's properties (web-shared/client/page-params.ts). */
import { readPageParams } from '../web-shared/client/page-params.ts';
import './luot-admin-app.ts';

const params = readPageParams(location.search);
const app = document.createElement('luot-admin-app');
app.language = params.lang;
document.body.append(app);
