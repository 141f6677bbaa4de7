// Matching outputs to inputs and the edge kinds that follow, on small inline libraries.
import { describe, expect, it } from 'vitest';

import { proposeEdges, type GraphFunction } from '../../../lib/magnet/graph';
import { arr, bool, edge, fn, int, obj, str } from './helpers';

const propose = (functions: GraphFunction[], minConfidence = 0.3) =>
  proposeEdges(functions, { minConfidence }).proposals;

describe('matching outputs to inputs', () => {
  it('links an equal field name and says so in one line', () => {
    const p = propose([
      fn('book_flight', { params: { flight_no: str() }, returns: { booking_id: str('The ID of the booking') } }),
      fn('cancel_booking', { params: { booking_id: str('The ID of the booking') } }),
    ]);
    expect(edge(p, 'book_flight', 'cancel_booking')).toMatchObject({
      kind: 'full',
      mapping: [{ output: 'booking_id', input: 'booking_id' }],
      reason: "booking_id returned by book_flight is cancel_booking's booking_id",
    });
    expect(edge(p, 'book_flight', 'cancel_booking')!.confidence).toBeGreaterThan(0.9);
    expect(edge(p, 'cancel_booking', 'book_flight')).toBeUndefined();
  });

  it('resolves a bare id by its parent object, by the producer name, or by its description', () => {
    const p = propose([
      fn('get_order', { params: { ref: str() }, returns: { order: obj({ id: str() }) } }),
      fn('create_ticket', { params: { title: str() }, returns: { id: int(), title: str() } }),
      fn('open_case', { params: { topic: str() }, returns: { id: int('Unique identifier of the invoice.') } }),
      fn('cancel_order', { params: { order_id: str() } }),
      fn('close_ticket', { params: { ticket_id: int() } }),
      fn('pay_invoice', { params: { invoice_id: str() } }),
    ]);
    expect(edge(p, 'get_order', 'cancel_order')).toMatchObject({
      kind: 'full',
      mapping: [{ output: 'order.id', input: 'order_id' }],
    });
    expect(edge(p, 'create_ticket', 'close_ticket')).toMatchObject({
      kind: 'full',
      mapping: [{ output: 'id', input: 'ticket_id' }],
    });
    expect(edge(p, 'create_ticket', 'close_ticket')!.reason).toContain('id of the ticket create_ticket returns');
    expect(edge(p, 'open_case', 'pay_invoice')).toMatchObject({ mapping: [{ output: 'id', input: 'invoice_id' }] });
    // A bare id of something else is not a ticket id.
    expect(edge(p, 'get_order', 'close_ticket')).toBeUndefined();
    expect(edge(p, 'create_ticket', 'cancel_order')).toBeUndefined();
  });

  it('matches plurals, camelCase, list elements and names inside names', () => {
    const p = propose([
      fn('list_orders', { params: { since: str() }, returns: { orders: arr(obj({ orderId: str() })) } }),
      fn('get_order_ids', { params: { since: str() }, returns: { order_ids: arr(str()) } }),
      fn('get_order_details', { params: { order_id: str() } }),
      fn('get_tweet', { params: { tweet_id: int() }, returns: { username: str() } }),
      fn('follow_user', { params: { username_to_follow: str() } }),
    ]);
    expect(edge(p, 'list_orders', 'get_order_details')!.mapping).toEqual([
      { output: 'orders[].orderId', input: 'order_id' },
    ]);
    expect(edge(p, 'get_order_ids', 'get_order_details')!.reason).toMatch(/^an element of order_ids/);
    expect(edge(p, 'get_tweet', 'follow_user')).toMatchObject({
      kind: 'full',
      mapping: [{ output: 'username', input: 'username_to_follow' }],
    });
  });

  it('uses descriptions: a parameter described by the output name, or quoting the producer', () => {
    const p = propose([
      fn('get_user_id', { params: { user: str() }, returns: { user_id: str('User ID of the user') } }),
      fn('send_message', {
        params: { receiver_id: str('User ID of the user to send the message to.'), message: str() },
      }),
      fn('get_symbol_by_name', { params: { name: str() }, returns: { symbol: str() } }),
      fn('add_to_watchlist', { params: { stock: str('the stock symbol to add to the watchlist.') } }),
      fn('lookup_code', { params: { city: str() }, returns: { code: str() } }),
      fn('search_routes', { params: { origin_code: str('Airport code returned by lookup_code.') } }),
    ]);
    expect(edge(p, 'get_user_id', 'send_message')).toMatchObject({
      kind: 'partial',
      mapping: [{ output: 'user_id', input: 'receiver_id' }],
    });
    expect(edge(p, 'get_user_id', 'send_message')!.reason).toContain('description mentions "user id"');
    expect(edge(p, 'get_symbol_by_name', 'add_to_watchlist')).toMatchObject({
      kind: 'full',
      mapping: [{ output: 'symbol', input: 'stock' }],
    });
    expect(edge(p, 'lookup_code', 'search_routes')).toMatchObject({
      mapping: [{ output: 'code', input: 'origin_code' }],
    });
    expect(edge(p, 'lookup_code', 'search_routes')!.reason).toContain("origin_code's description names lookup_code");
  });

  it('treats string and integer ids as compatible, but never a boolean as a value', () => {
    const p = propose([
      fn('create_ticket', { params: { title: str() }, returns: { ticket_id: int() } }),
      fn('get_ticket', { params: { ticket_id: str() } }),
      fn('check_flag', { params: { x: str() }, returns: { enabled: bool() } }),
      fn('set_enabled', { params: { enabled: str() } }),
    ]);
    expect(edge(p, 'create_ticket', 'get_ticket')?.kind).toBe('full');
    expect(edge(p, 'check_flag', 'set_enabled')).toBeUndefined();
  });

  it('gives generic fields (status, message, result) little weight so they do not flood the graph', () => {
    const functions = [
      fn('fund_account', { params: { amount: int() }, returns: { status: str(), message: str(), result: str() } }),
      fn('get_orders', { params: { status: str() } }),
      fn('send_note', { params: { message: str() } }),
      fn('store', { params: { result: str() } }),
    ];
    expect(propose(functions)).toEqual([]);
    // They are still seen, with a low confidence, below the default threshold.
    const weak = propose(functions, 0);
    expect(weak.length).toBeGreaterThan(0);
    for (const p of weak) expect(p.confidence).toBeLessThanOrEqual(0.25);
  });

  it('weighs an output that echoes the producer input less than a new value', () => {
    const p = propose([
      fn('create_order', { params: { customer: str() }, returns: { order_id: str() } }),
      fn('cancel_order', { params: { order_id: str() }, returns: { order_id: str(), status: str() } }),
      fn('get_order', { params: { order_id: str() } }),
    ]);
    expect(edge(p, 'create_order', 'get_order')!.confidence).toBeGreaterThan(
      edge(p, 'cancel_order', 'get_order')!.confidence,
    );
  });
});

describe('edge kinds', () => {
  const tickets = [
    fn('create_ticket', { params: { title: str() }, returns: { ticket_id: str() } }),
    fn('get_ticket', { params: { ticket_id: str() } }),
    fn('resolve_ticket', { params: { ticket_id: str(), resolution: str() } }),
    fn('comment_ticket', { params: { ticket_id: str(), note: str() }, optional: ['note'] }),
    fn('search', { params: { ticket_id: str(), query: str() }, optional: ['ticket_id', 'query'] }),
    fn('merge_tickets', { params: { ticket_ids: arr(str()) } }),
  ];
  const p = propose(tickets);

  it('is full when the outputs fill every required input (or the only input)', () => {
    expect(edge(p, 'create_ticket', 'get_ticket')?.kind).toBe('full');
    expect(edge(p, 'create_ticket', 'comment_ticket')?.kind).toBe('full');
  });

  it('is partial when they fill some, only an optional one, or go into a list', () => {
    expect(edge(p, 'create_ticket', 'resolve_ticket')).toMatchObject({ kind: 'partial' });
    expect(edge(p, 'create_ticket', 'resolve_ticket')!.reason).toContain('covers 1 of 2 required inputs');
    expect(edge(p, 'create_ticket', 'search')?.kind).toBe('partial');
    expect(edge(p, 'create_ticket', 'merge_tickets')).toMatchObject({
      kind: 'partial',
      mapping: [{ output: 'ticket_id', input: 'ticket_ids' }],
    });
  });

  it('is a prerequisite when only a credential flows (an access token), with the mapping kept', () => {
    const q = propose([
      fn('authenticate', {
        params: { client_id: str(), password: str() },
        returns: { access_token: str(), expires_in: int() },
      }),
      fn('cancel_booking', { params: { access_token: str(), booking_id: str() } }),
    ]);
    expect(edge(q, 'authenticate', 'cancel_booking')).toMatchObject({
      kind: 'prerequisite',
      mapping: [{ output: 'access_token', input: 'access_token' }],
    });
  });

  it('is a prerequisite from a login to the actions of its API, with no data flow', () => {
    const q = propose([
      fn('user_login', { params: { username: str(), password: str() }, returns: { success: bool() } }),
      fn('post_tweet', { description: 'Post a tweet for the authenticated user.', params: { content: str() } }),
      fn('cancel_order', { params: { order_id: int() } }),
      fn('get_weather', { params: { city: str() }, returns: { temperature: int() } }),
      fn('get_login_status', { returns: { status: bool() } }),
      fn('logout', { returns: { success: bool() } }),
    ]);
    expect(edge(q, 'user_login', 'post_tweet')).toMatchObject({ kind: 'prerequisite', mapping: [], confidence: 0.6 });
    expect(edge(q, 'user_login', 'post_tweet')!.reason).toContain('acts for the logged-in user');
    expect(edge(q, 'user_login', 'cancel_order')).toMatchObject({ kind: 'prerequisite', confidence: 0.35 });
    // Read-only functions that do not say they need a login, and the session functions, are left alone.
    expect(edge(q, 'user_login', 'get_weather')).toBeUndefined();
    expect(edge(q, 'user_login', 'get_login_status')).toBeUndefined();
    expect(edge(q, 'user_login', 'logout')).toBeUndefined();
  });

  it('is a prerequisite from a check or an opener to what works on the same thing', () => {
    const q = propose([
      fn('check_tire_pressure', { returns: { tire_pressure: obj({ healthy: bool() }) } }),
      fn('find_nearest_tire_shop', { returns: { shop_location: str() } }),
      fn('file_exists', { params: { path: str() }, returns: { exists: bool() } }),
      fn('download_file', { params: { url: str() } }),
      fn('set_headlights', { params: { mode: str() } }),
    ]);
    expect(edge(q, 'check_tire_pressure', 'find_nearest_tire_shop')?.kind).toBe('prerequisite');
    expect(edge(q, 'file_exists', 'download_file')?.kind).toBe('prerequisite');
    expect(edge(q, 'check_tire_pressure', 'set_headlights')).toBeUndefined();
  });

  it('is a prerequisite when a check hands back the value it validated', () => {
    const q = propose([
      fn('validate_coupon', { params: { coupon_code: str() }, returns: { coupon_code: str(), valid: bool() } }),
      fn('place_order', { params: { item: str(), coupon_code: str() } }),
    ]);
    expect(edge(q, 'validate_coupon', 'place_order')?.kind).toBe('prerequisite');
  });

  it("does not feed another call's output into a login that asks for a password", () => {
    const q = propose([
      fn('get_tweet', { params: { tweet_id: int() }, returns: { username: str(), content: str() } }),
      fn('authenticate_twitter', { params: { username: str(), password: str() } }),
    ]);
    expect(edge(q, 'get_tweet', 'authenticate_twitter')).toBeUndefined();
  });
});

describe('functions without a returns schema', () => {
  const p = propose([
    fn('get_stock_symbol_by_name', { params: { name: str() }, returns: null }),
    fn('create_ticket', { params: { title: str() }, returns: null }),
    fn('delete_symbol', { params: { symbol: str() }, returns: null }),
    fn('get_stock_info', { params: { symbol: str() } }),
    fn('close_ticket', { params: { ticket_id: str(), reason: str() } }),
    fn('lookup_rate', {
      description: 'Returns the exchange rate for a currency pair.',
      params: { pair: str() },
      returns: null,
    }),
    fn('convert', { params: { exchange_rate: str() } }),
  ]);

  it('falls back to names and descriptions, capped at 0.5, saying so', () => {
    const symbol = edge(p, 'get_stock_symbol_by_name', 'get_stock_info')!;
    expect(symbol).toMatchObject({ kind: 'full', mapping: [{ output: '', input: 'symbol' }] });
    expect(symbol.confidence).toBeLessThanOrEqual(0.5);
    expect(symbol.reason).toMatch(/^no returns schema: from names and descriptions/);

    expect(edge(p, 'create_ticket', 'close_ticket')).toMatchObject({
      kind: 'partial',
      mapping: [{ output: '', input: 'ticket_id' }],
    });
    expect(edge(p, 'lookup_rate', 'convert')?.mapping).toEqual([{ output: '', input: 'exchange_rate' }]);
    for (const e of p) expect(e.confidence).toBeLessThanOrEqual(0.5);
  });

  it('does not guess that a function produces what it only consumes or destroys', () => {
    expect(edge(p, 'delete_symbol', 'get_stock_info')).toBeUndefined();
  });
});
