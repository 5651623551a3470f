import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/errors';
import { App } from './App';
import { OAuthResultPage } from './screens/OAuthResultPage';
import { SessionProvider } from './session/SessionProvider';
import './index.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
/** The OAuth sign-in window's last page needs no session, so it does not restore (and rotate) the refresh cookie. */
const isOAuthResult = window.location.pathname === '/oauth/success' || window.location.pathname === '/oauth/error';

createRoot(root).render(
  <StrictMode>
    {isOAuthResult ? (
      <OAuthResultPage />
    ) : (
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    )}
  </StrictMode>,
);
