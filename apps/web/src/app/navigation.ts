import type { ComponentType, SVGProps } from 'react';
import { CalculatorIcon, DocumentIcon, HomeIcon, ReturnIcon, UserIcon } from '../components';

export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Match only the exact path (for "/"). */
  end?: boolean;
}

/** The main navigation, in order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', icon: HomeIcon, end: true },
  { to: '/calculator', label: 'Tax calculator', icon: CalculatorIcon },
  { to: '/documents', label: 'Documents', icon: DocumentIcon },
  { to: '/returns', label: 'Returns', icon: ReturnIcon },
  { to: '/profile', label: 'Profile', icon: UserIcon },
];
