import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import './styles.css';
import { App } from './app/App';

// The service worker keeps the app and the last-seen answers for offline work; failures are harmless.
if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
