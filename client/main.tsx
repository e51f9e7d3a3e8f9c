import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import './styles.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
