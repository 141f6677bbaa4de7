// One line per history entry, for the editor's history list.
import type { PathOperation } from '@/lib/magnet/paths';

export function describeOperation(op: PathOperation): string {
  const p = op.params as Record<string, unknown>;
  const turn = (i: unknown) => `turn ${Number(i) + 1}`;
  switch (op.op) {
    case 'walk':
      return `Walk of ${(p.calls as unknown[]).length} function(s)${p.stopReason ? ` (${p.stopReason})` : ''}`;
    case 'merge':
      return `Merge ${turn(p.turn)} and ${turn(Number(p.turn) + 1)}`;
    case 'insert_nested':
      return `Insert ${p.name} nested in ${turn(p.turn)}`;
    case 'insert_long':
      return `Insert ${p.name} as ${turn(p.turn)}, using ${turn(p.fromTurn)}`;
    case 'split':
      return p.kind === 'miss_param'
        ? `Split before ${turn(p.turn)}: the user leaves out ${p.param}`
        : `Split before ${turn(p.turn)}: ${p.name} withheld`;
    case 'edit':
      switch (p.action) {
        case 'add_call':
          return p.newTurn ? `Add ${p.name} as ${turn(p.turn)}` : `Add ${p.name} to ${turn(p.turn)}`;
        case 'remove_call':
          return `Remove ${(p.call as { name: string }).name} from ${turn(p.turn)}`;
        case 'remove_turn':
          return `Remove ${turn(p.turn)}`;
        case 'move_turn':
          return `Move ${turn(p.from)} to position ${Number(p.to) + 1}`;
        case 'move_call':
          return `Reorder the calls of ${turn(p.turn)}`;
      }
  }
  return op.op;
}
