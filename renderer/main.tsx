import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickClient } from './client/pick-client.ts';
import { I18nProvider } from './i18n/i18n-context.tsx';
import { RoleRouter } from './screens/role-router.tsx';
import { CustomerDisplay } from './screens/customer-display/customer-display.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// One client for the page's life: it reconnects by itself.
const client = pickClient();

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {/* The customer-facing display is the same bundle on ?view=customer (a second window in Electron). */}
      {new URLSearchParams(location.search).get('view') === 'customer' ? <CustomerDisplay client={client} /> : <RoleRouter client={client} />}
    </I18nProvider>
  </StrictMode>,
);
