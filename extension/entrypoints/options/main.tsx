import { createRoot } from 'react-dom/client';
import { OptionsApp } from './OptionsApp.tsx';
import '../../ui/panel.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
