import type { ComponentType, SVGProps } from 'react';
import type { Role } from '@numeri/contracts';
import { CalculatorIcon, DocumentIcon, HomeIcon, ReturnIcon, UserIcon, UsersIcon } from '../components';

export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Match only the exact path (for "/"). */
  end?: boolean;
  /** Shown only to these roles (e.g. a reviewer's clients). */
  roles?: readonly Role[];
}

/** The main navigation, in order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', icon: HomeIcon, end: true },
  { to: '/calculator', label: 'Tax calculator', icon: CalculatorIcon },
  { to: '/documents', label: 'Documents', icon: DocumentIcon },
  { to: '/returns', label: 'Returns', icon: ReturnIcon },
  { to: '/clients', label: 'Clients', icon: UsersIcon, roles: ['reviewer', 'admin'] },
  { to: '/profile', label: 'Profile', icon: UserIcon },
];

/** The navigation for someone with this role (signed out: the items for everyone). */
export function navItemsFor(role: Role | undefined): readonly NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)));
}
