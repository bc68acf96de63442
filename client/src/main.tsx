import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { installChunkRecovery } from './app/chunk-recovery.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/space.css';
import './styles/prosemirror.css';
import './styles/editor.css';
import './styles/boundaries.css';
import './styles/settings.css';
import './styles/rituals.css';
import './styles/account.css';
import './styles/notifications.css';
import './styles/email.css';
import './styles/goals.css';
import './styles/letters.css';
import './styles/paths.css';
import './styles/talks.css';
import './styles/history.css';
import './styles/healing.css';

installChunkRecovery();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
