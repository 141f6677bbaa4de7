import { BookOpen, Download, GitBranch, type LucideIcon, Play, Route, Settings, SquareCheckBig } from 'lucide-react';

export interface Stage {
  slug: string;
  label: string;
  icon: LucideIcon;
  /** What the stage is for, shown in navigation tooltips and on its page. */
  purpose: string;
  built: boolean;
}

/** The pipeline, in order; a stage's page says plainly when it is not built yet. */
export const STAGES: Stage[] = [
  { slug: 'library', label: 'Library', icon: BookOpen, purpose: 'Import function libraries and edit their schemas.', built: true },
  { slug: 'graph', label: 'Graph', icon: GitBranch, purpose: 'See and edit the function signature graph: which outputs feed which inputs.', built: true },
  { slug: 'paths', label: 'Paths', icon: Route, purpose: 'Sample signature paths and apply Merge, Insert and Split.', built: true },
  { slug: 'runs', label: 'Runs', icon: Play, purpose: 'Translate paths into executed multi-turn conversations with a teacher model.', built: true },
  { slug: 'review', label: 'Review', icon: SquareCheckBig, purpose: 'Walk every trajectory turn by turn and judge every negative beside its positive.', built: false },
  { slug: 'export', label: 'Export', icon: Download, purpose: 'Export reviewed data as SFT and DPO datasets in OpenAI, TRL and LLaMA-Factory formats.', built: false },
  { slug: 'settings', label: 'Settings', icon: Settings, purpose: 'The project’s name and description, its members and the database it lives in.', built: true },
];
