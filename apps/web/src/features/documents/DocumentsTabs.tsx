import { NavLink } from 'react-router';
import { cn } from '../../lib/cn';
import { useOwnerScope } from './owner-scope';

/** Documents | Bank transactions: two views of what was uploaded. */
export function DocumentsTabs() {
  const { link } = useOwnerScope();
  const tabs = [
    { to: '/documents', label: 'Documents' },
    { to: '/documents/transactions', label: 'Bank transactions' },
  ];
  return (
    <nav aria-label="Documents sections" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={link(tab.to)}
              end
              className={({ isActive }) =>
                cn(
                  'inline-flex border-b-2 px-1 pb-3 text-sm font-medium whitespace-nowrap',
                  isActive
                    ? 'border-teal-700 text-teal-800'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )
              }
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
