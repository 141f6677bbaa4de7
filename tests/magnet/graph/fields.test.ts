// Flattening output and parameter schemas into the field paths the heuristic compares.
import { describe, expect, it } from 'vitest';

import { flattenSchema } from '../../../lib/magnet/graph';
import { arr, int, obj, str } from './helpers';

const paths = (schema: Parameters<typeof flattenSchema>[0]) => flattenSchema(schema).map((f) => f.path);

describe('flattenSchema', () => {
  it('lists top-level, nested and array-element fields with their types', () => {
    const schema = obj({
      booking_id: str('The ID of the booking'),
      order: obj({ id: int('Order id'), total: { type: 'number' } }),
      flights: arr(obj({ flight_id: str(), price: { type: 'number' } }), 'Matching flights'),
      tags: arr(str()),
    });
    const fields = flattenSchema(schema);
    expect(fields.map((f) => f.path)).toEqual([
      'booking_id',
      'order',
      'order.id',
      'order.total',
      'flights',
      'flights[].flight_id',
      'flights[].price',
      'tags',
    ]);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('order.id')).toMatchObject({
      name: 'id',
      types: ['integer'],
      context: ['order'],
      topLevel: 'order',
    });
    expect(byPath.get('flights[].flight_id')).toMatchObject({
      inArray: true,
      context: ['flight'],
      tokens: ['flight', 'id'],
    });
    expect(byPath.get('tags')).toMatchObject({ types: ['array'], itemTypes: ['string'] });
    expect(byPath.get('booking_id')).toMatchObject({
      description: 'The ID of the booking',
      descTokens: ['id', 'booking'],
    });
  });

  it('normalizes names: camelCase, plurals, storage words, abbreviations, timestamps', () => {
    const fields = flattenSchema(
      obj({ bookingId: str(), stock_list: arr(str()), current_time_str: str(), qty: int(), created_at: str() }),
    );
    expect(fields.map((f) => f.tokens)).toEqual([
      ['booking', 'id'],
      ['stock'],
      ['current', 'time'],
      ['quantity'],
      ['created', 'time'],
    ]);
  });

  it('marks parameters required only when required all the way from the root', () => {
    const schema = obj({ user: obj({ name: str(), nick: str() }, ['name']), note: str() }, ['user']);
    const required = Object.fromEntries(flattenSchema(schema).map((f) => [f.path, f.required]));
    expect(required).toEqual({ user: true, 'user.name': true, 'user.nick': false, note: false });
  });

  it('treats a bare scalar or list output as the whole value, and a root array by its items', () => {
    expect(paths({ type: 'string', description: 'The symbol' })).toEqual(['']);
    expect(paths(arr(obj({ id: str() })))).toEqual(['', '[].id']);
    expect(paths({})).toEqual([]);
    expect(paths(null)).toEqual([]);
    expect(paths({ type: 'object', properties: {} })).toEqual([]);
  });

  it('follows local $refs and merges allOf / anyOf / oneOf', () => {
    const schema = {
      type: 'object',
      properties: {
        customer: { $ref: '#/$defs/customer' },
        payment: { anyOf: [obj({ card_id: str() }), obj({ iban: str() })] },
      },
      allOf: [{ properties: { request_id: str() } }],
      $defs: { customer: obj({ customer_id: str(), email: str() }) },
    };
    expect(paths(schema)).toEqual([
      'customer',
      'customer.customer_id',
      'customer.email',
      'payment',
      'payment.card_id',
      'payment.iban',
      'request_id',
    ]);
  });

  it('stops on recursive $refs and on object cycles instead of looping', () => {
    const tree = {
      $ref: '#/$defs/node',
      $defs: { node: obj({ node_id: str(), children: arr({ $ref: '#/$defs/node' }) }) },
    };
    // Unrolled once: the children's ids are still there to link on.
    expect(paths(tree)).toEqual(['node_id', 'children', 'children[].node_id']);

    const loop: Record<string, unknown> = { type: 'object', properties: {} };
    (loop.properties as Record<string, unknown>).self = loop;
    (loop.properties as Record<string, unknown>).id = str();
    expect(paths(loop)).toEqual(['id']);

    const selfRef = { $ref: '#' };
    expect(paths(selfRef)).toEqual([]);
  });

  it('bounds depth and the number of fields', () => {
    let deep: Record<string, unknown> = str();
    for (let i = 9; i >= 0; i--) deep = obj({ [`level${i}`]: deep });
    expect(Math.max(...flattenSchema(deep, { maxDepth: 3 }).map((f) => f.path.split('.').length))).toBe(3);

    const wide = obj(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`field_${i}`, str()])));
    expect(flattenSchema(wide, { maxFields: 50 })).toHaveLength(50);
  });
});
