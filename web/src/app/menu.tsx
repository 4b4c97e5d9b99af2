import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation } from './router.tsx';

/**
 * A disclosure menu (button + list of links): Escape closes it and gives focus
 * back to the button, a click outside closes it, navigating closes it.
 */
export function MenuButton({ label, children, align = 'end' }: { label: ReactNode; children: ReactNode; align?: 'start' | 'end' }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="menu" ref={root}>
      <button ref={button} type="button" className="menu-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((value) => !value)}>
        {label}
        <span className="chevron" aria-hidden="true" />
      </button>
      <div id={id} className={`menu-panel menu-${align}`} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
