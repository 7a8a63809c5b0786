import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import '../../ui/panel.css';

createRoot(document.getElementById('root')!).render(<App />);
