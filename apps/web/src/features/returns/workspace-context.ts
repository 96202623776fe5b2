import type { EstimateResponse } from '@numeri/contracts';
import { createContext, use } from 'react';
import type { ReturnComment } from './api';
import type { LiveResult, MissingQuestion } from './live-assessment';
import type { ReturnSaver, SaverSnapshot } from './return-saver';
import type { StepDefinition, StepId } from './sections';

export interface Workspace {
  year: string;
  saver: ReturnSaver;
  snapshot: SaverSnapshot;
  /** The browser's assessment of the draft (instant). */
  live: LiveResult;
  /** What to show: the live estimate, or the last good one while the answers can't be assessed. */
  estimate: EstimateResponse | null;
  /** Missing questions by id, for "needed" marks. */
  missingById: ReadonlyMap<string, MissingQuestion>;
  steps: StepDefinition[];
  readOnly: boolean;
  comments: ReturnComment[];
  /** The steps still needing an answer. */
  neededSteps: ReadonlySet<StepId>;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const value = use(WorkspaceContext);
  if (!value) throw new Error('useWorkspace must be used inside a return workspace');
  return value;
}

/** The missing question with this id, or one starting with it (e.g. "privateHealth"). */
export function neededFor(workspace: Workspace, ...ids: string[]): { reason: string } | null {
  for (const id of ids) {
    const exact = workspace.missingById.get(id);
    if (exact) return { reason: exact.reason };
    for (const [key, missing] of workspace.missingById)
      if (key.startsWith(`${id}.`)) return { reason: missing.reason };
  }
  return null;
}
