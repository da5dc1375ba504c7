import './zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startFirstRequests } from './app/first-requests';
import { createQueryClient } from './app/query-client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/shell.css';
import './styles/pages.css';
import './styles/table.css';
import './styles/client.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page is missing its #root element.');

const queryClient = createQueryClient();
startFirstRequests(queryClient, window.location.hash);
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
