// validatePath on hand-written paths: one per problem it must name, by turn and call.
import { describe, expect, it } from 'vitest';

import {
  isUserGivable,
  validatePath,
  type PathEdge,
  type PathGraph,
  type PathTurn,
  type SamplePath,
} from '../../../lib/magnet/paths';
import { arr, bool, fn, int, num, obj, str } from '../graph/helpers';

const functions = [
  fn('search_flights', {
    params: { origin: str(), destination: str() },
    returns: { flights: arr(obj({ flight_id: str(), price: num() })) },
  }),
  fn('book_flight', { params: { flight_id: str(), passenger_name: str() }, returns: { booking_id: str() } }),
  fn('cancel_booking', { params: { booking_id: str() }, returns: { refunded: bool() } }),
  fn('get_weather', { params: { city: str() }, returns: { temperature: num() } }),
];
const edge = (
  from: string,
  to: string,
  mapping: [string, string][],
  status: PathEdge['status'] = 'accepted',
): PathEdge => ({
  fromId: `api/${from}`,
  toId: `api/${to}`,
  kind: 'full',
  status,
  mapping: mapping.map(([output, input]) => ({ output, input })),
});
const graph: PathGraph = {
  functions,
  edges: [
    edge('search_flights', 'book_flight', [['flights[].flight_id', 'flight_id']]),
    edge('book_flight', 'cancel_booking', [['booking_id', 'booking_id']]),
    edge('search_flights', 'get_weather', [['flights[].destination', 'city']], 'proposed'),
    edge('get_weather', 'book_flight', [], 'rejected'),
  ],
};

const c = (name: string, nested?: boolean) => ({ functionId: `api/${name}`, name, ...(nested ? { nested } : {}) });
const normal = (...names: string[]): PathTurn => ({ kind: 'normal', calls: names.map((n) => c(n)) });
const pathOf = (...turns: PathTurn[]): SamplePath => ({ turns, history: [], stopReason: null, seed: 't:0' });
const codes = (p: SamplePath, options = {}) =>
  validatePath(p, graph, options).map((i) => `${i.code}@${i.turnIndex}:${i.callIndex ?? '-'}`);

describe('validatePath', () => {
  it('finds nothing wrong with a path whose inputs all have a source', () => {
    expect(
      validatePath(pathOf(normal('search_flights'), normal('book_flight'), normal('cancel_booking')), graph),
    ).toEqual([]);
    expect(codes(pathOf(normal('search_flights', 'book_flight', 'cancel_booking')))).toEqual([]);
  });

  it('warns about an input no user would give and no earlier output provides', () => {
    const issues = validatePath(pathOf(normal('book_flight')), graph);
    expect(issues).toEqual([
      {
        level: 'warning',
        code: 'input_unsourced',
        turnIndex: 0,
        callIndex: 0,
        message: 'book_flight needs flight_id, which a user would not give and no earlier output provides',
      },
    ]);
  });

  it('names a missing edge between consecutive calls, and where', () => {
    expect(codes(pathOf(normal('search_flights'), normal('cancel_booking')))).toEqual([
      'missing_edge@1:0',
      'input_unsourced@1:0',
    ]);
    // A rejected edge is no edge; a proposed one counts unless told otherwise.
    expect(codes(pathOf(normal('get_weather'), normal('book_flight')))).toContain('missing_edge@1:0');
    expect(codes(pathOf(normal('search_flights'), normal('get_weather')))).toEqual([]);
    expect(codes(pathOf(normal('search_flights'), normal('get_weather')), { includeProposed: false })).toEqual([
      'missing_edge@1:0',
    ]);
  });

  it('accepts nested calls and long dependencies that follow an edge, and names the ones that do not', () => {
    const nested = pathOf(
      { kind: 'normal', calls: [c('search_flights'), c('book_flight', true)] },
      normal('get_weather'),
    );
    expect(codes(nested)).toEqual([]);
    const long = pathOf(
      normal('search_flights'),
      normal('book_flight'),
      { kind: 'normal', calls: [c('get_weather')], dependsOnTurn: 0 },
      normal('cancel_booking'),
    );
    expect(codes(long)).toEqual([]);
    expect(codes(pathOf({ kind: 'normal', calls: [c('book_flight', true)] }))).toEqual([
      'nested_first@0:0',
      'input_unsourced@0:0',
    ]);
    expect(
      codes(pathOf(normal('get_weather'), { kind: 'normal', calls: [c('search_flights'), c('cancel_booking', true)] })),
    ).toEqual(['missing_edge@1:0', 'missing_edge@1:1', 'input_unsourced@1:1']);
    expect(
      codes(pathOf(normal('search_flights'), { kind: 'normal', calls: [c('book_flight')], dependsOnTurn: 0 })),
    ).toEqual(['long_dependency_invalid@1:0']);
    expect(
      codes(
        pathOf(normal('get_weather'), normal('search_flights'), {
          kind: 'normal',
          calls: [c('book_flight')],
          dependsOnTurn: 0,
        }),
      ),
    ).toEqual(['missing_edge@1:0', 'missing_edge@2:0']);
  });

  it('counts calls per turn against the cap', () => {
    const p = pathOf(normal('search_flights', 'book_flight', 'cancel_booking'));
    expect(codes(p, { maxCallsPerTurn: 2 })).toEqual(['too_many_calls@0:-']);
  });

  it('checks miss_func turns: made available later, not called before', () => {
    const withheld = { functionId: 'api/book_flight', name: 'book_flight' };
    const ok = pathOf(
      normal('search_flights'),
      { kind: 'miss_func', calls: [], withheld, availableFromTurn: 2 },
      normal('book_flight'),
    );
    expect(codes(ok)).toEqual([]);
    const never = pathOf(normal('search_flights'), { kind: 'miss_func', calls: [], withheld }, normal('book_flight'));
    expect(codes(never)).toEqual(['miss_func_never_available@1:-']);
    const past = pathOf(normal('search_flights'), { kind: 'miss_func', calls: [], withheld, availableFromTurn: 7 });
    expect(validatePath(past, graph)[0].message).toBe(
      'book_flight is withheld at turn 1 and never made available later',
    );
    const early = pathOf(
      normal('search_flights', 'book_flight'),
      { kind: 'miss_func', calls: [], withheld, availableFromTurn: 2 },
      normal('book_flight'),
    );
    // (book_flight twice in a row has no edge either.)
    expect(codes(early)).toEqual(['withheld_called_early@0:1', 'missing_edge@2:0']);
    const unused = pathOf(
      normal('search_flights'),
      { kind: 'miss_func', calls: [], withheld, availableFromTurn: 2 },
      normal('get_weather'),
    );
    expect(codes(unused)).toEqual(['miss_func_unused@1:-']);
  });

  it('checks miss_param turns: the next turn has the call and the parameter is required', () => {
    const miss = (callIndex: number, param: string): PathTurn => ({
      kind: 'miss_param',
      calls: [],
      missing: { callIndex, param },
    });
    expect(codes(pathOf(normal('search_flights'), miss(0, 'passenger_name'), normal('book_flight')))).toEqual([]);
    expect(codes(pathOf(normal('search_flights'), miss(1, 'passenger_name'), normal('book_flight')))).toEqual([
      'miss_param_invalid@1:-',
    ]);
    expect(codes(pathOf(normal('search_flights'), miss(0, 'seat'), normal('book_flight')))).toEqual([
      'miss_param_invalid@1:-',
    ]);
    expect(codes(pathOf(normal('search_flights'), miss(0, 'origin')))).toEqual(['miss_param_invalid@1:-']);
  });

  it('names turns of the wrong shape and unknown functions', () => {
    expect(codes(pathOf({ kind: 'normal', calls: [] }))).toEqual(['empty_turn@0:-']);
    expect(
      codes(
        pathOf(
          normal('search_flights'),
          { kind: 'miss_param', calls: [c('get_weather')], missing: { callIndex: 0, param: 'city' } },
          normal('get_weather'),
        ),
      ),
    ).toEqual(['calls_in_split_turn@1:-', 'missing_edge@2:0']);
    expect(codes(pathOf(normal('nowhere')))).toEqual(['unknown_function@0:0']);
  });
});

describe('values a user could give', () => {
  it('tells free values from ids', () => {
    expect(isUserGivable('city', str())).toBe(true);
    expect(isUserGivable('amount', num())).toBe(true);
    expect(isUserGivable('numbers', arr(num()))).toBe(true);
    expect(isUserGivable('unlock', bool())).toBe(true);
    expect(isUserGivable('account_id', { type: 'string', enum: ['checking', 'savings'] })).toBe(true);
    expect(isUserGivable('updates', obj({ title: str() }, ['title']))).toBe(true);
    expect(isUserGivable('booking_id', str())).toBe(false);
    expect(isUserGivable('tweet_id', int())).toBe(false);
    expect(isUserGivable('orderIds', arr(str()))).toBe(false);
    expect(isUserGivable('access_token', str())).toBe(false);
    expect(isUserGivable('ref', { type: 'string', format: 'uuid' })).toBe(false);
    expect(isUserGivable('items', arr(obj({ product_id: str(), quantity: int() }, ['product_id', 'quantity'])))).toBe(
      false,
    );
  });
});
