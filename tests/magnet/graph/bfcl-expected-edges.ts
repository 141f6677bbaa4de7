// Edges a person sees when reading the 8 BFCL v3 multi-turn func docs
// (../shared/data/bfcl_v3/multi_turn_func_doc/*.json).
//
// WRITTEN FROM THE DOCS BEFORE THE HEURISTIC WAS WRITTEN OR TUNED. Do not edit it to fit the
// heuristic: it is the yardstick. It is incomplete on purpose (only links a reader is sure of),
// so precision measured against it is a lower bound.
//
// Conventions (the Magnet labels, decided by B's required inputs):
// - full: A's output fills all of B's required inputs (or the only one), possibly as one element
//   of a list A returns (a listed order id → cancel_order's order_id);
// - partial: it fills some of them (a booking id, while an access token is also needed), or
//   only an optional one;
// - prerequisite: A must run before B. An access token handed over by an authenticate/login
//   function is a prerequisite (it is a credential, not data the user asked about), with the
//   field kept; a login without any output used by B has field and param ''.
// Only links stated or plainly implied by the docs: e.g. startEngine is NOT listed after
// pressBrakePedal, because the docs never say the brake must be pressed.
import type { EdgeKind } from '../../../lib/magnet/graph';

export interface ExpectedEdge {
  /** BFCL class (file stem). */
  class: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** Output field path in `from`'s response ('' when no data flows). */
  field: string;
  /** Parameter of `to` ('' when no data flows). */
  param: string;
}

const e = (cls: string, from: string, field: string, to: string, param: string, kind: EdgeKind): ExpectedEdge => ({
  class: cls,
  from,
  to,
  kind,
  field,
  param,
});

const T = 'travel_booking';
const S = 'trading_bot';
const P = 'posting_api';
const K = 'ticket_api';
const M = 'message_api';
const F = 'gorilla_file_system';
const V = 'vehicle_control';
const A = 'math_api';

export const BFCL_EXPECTED_EDGES: ExpectedEdge[] = [
  // travel_booking: "The access token obtained from the authenticate" is asked by every account action.
  e(T, 'authenticate_travel', 'access_token', 'book_flight', 'access_token', 'prerequisite'),
  e(T, 'authenticate_travel', 'access_token', 'cancel_booking', 'access_token', 'prerequisite'),
  e(T, 'authenticate_travel', 'access_token', 'purchase_insurance', 'access_token', 'prerequisite'),
  e(T, 'authenticate_travel', 'access_token', 'register_credit_card', 'access_token', 'prerequisite'),
  e(T, 'authenticate_travel', 'access_token', 'retrieve_invoice', 'access_token', 'prerequisite'),
  e(T, 'authenticate_travel', 'access_token', 'get_credit_card_balance', 'access_token', 'prerequisite'),
  e(T, 'authenticate_travel', 'access_token', 'set_budget_limit', 'access_token', 'prerequisite'),
  // A booking is cancelled, insured, invoiced, or raised with support by its id.
  e(T, 'book_flight', 'booking_id', 'cancel_booking', 'booking_id', 'partial'),
  e(T, 'book_flight', 'booking_id', 'purchase_insurance', 'booking_id', 'partial'),
  e(T, 'book_flight', 'booking_id', 'retrieve_invoice', 'booking_id', 'partial'),
  e(T, 'book_flight', 'booking_id', 'contact_customer_support', 'booking_id', 'partial'),
  // A registered card pays for bookings and insurance, and has a balance.
  e(T, 'register_credit_card', 'card_id', 'book_flight', 'card_id', 'partial'),
  e(T, 'register_credit_card', 'card_id', 'purchase_insurance', 'card_id', 'partial'),
  e(T, 'register_credit_card', 'card_id', 'get_credit_card_balance', 'card_id', 'partial'),
  e(T, 'purchase_insurance', 'insurance_id', 'retrieve_invoice', 'insurance_id', 'partial'),
  // "From and To should be the airport codes"; get_flight_cost wants "the 3 letter code of the departing airport".
  e(T, 'get_nearest_airport_by_city', 'nearest_airport', 'book_flight', 'travel_from', 'partial'),
  e(T, 'get_nearest_airport_by_city', 'nearest_airport', 'get_flight_cost', 'travel_from', 'partial'),
  e(T, 'list_all_airports', 'airports', 'get_flight_cost', 'travel_from', 'partial'),
  // A cost in USD converted to another currency.
  e(T, 'get_flight_cost', 'travel_cost_list', 'compute_exchange_rate', 'value', 'partial'),

  // trading_bot: a symbol looked up by company name is used everywhere a stock is named.
  e(S, 'get_symbol_by_name', 'symbol', 'get_stock_info', 'symbol', 'full'),
  e(S, 'get_symbol_by_name', 'symbol', 'place_order', 'symbol', 'partial'),
  e(S, 'get_symbol_by_name', 'symbol', 'add_to_watchlist', 'stock', 'full'),
  e(S, 'get_symbol_by_name', 'symbol', 'remove_stock_from_watchlist', 'symbol', 'full'),
  e(S, 'get_symbol_by_name', 'symbol', 'update_stock_price', 'symbol', 'partial'),
  // Orders: placed or listed, then inspected or cancelled.
  e(S, 'place_order', 'order_id', 'get_order_details', 'order_id', 'full'),
  e(S, 'place_order', 'order_id', 'cancel_order', 'order_id', 'full'),
  e(S, 'get_order_history', 'order_history', 'get_order_details', 'order_id', 'full'),
  e(S, 'get_order_history', 'order_history', 'cancel_order', 'order_id', 'full'),
  e(S, 'get_stock_info', 'price', 'place_order', 'price', 'partial'),
  e(S, 'get_account_info', 'account_id', 'make_transaction', 'account_id', 'partial'),
  e(S, 'get_current_time', 'current_time', 'update_market_status', 'current_time_str', 'full'),
  // Lists of symbols feed the functions taking lists of symbols, or one symbol.
  e(S, 'get_available_stocks', 'stock_list', 'filter_stocks_by_price', 'stocks', 'partial'),
  e(S, 'get_available_stocks', 'stock_list', 'notify_price_change', 'stocks', 'partial'),
  e(S, 'filter_stocks_by_price', 'filtered_stocks', 'notify_price_change', 'stocks', 'partial'),
  e(S, 'get_watchlist', 'watchlist', 'get_stock_info', 'symbol', 'full'),
  e(S, 'get_watchlist', 'watchlist', 'remove_stock_from_watchlist', 'symbol', 'full'),
  e(S, 'get_watchlist', 'watchlist', 'notify_price_change', 'stocks', 'partial'),
  // Logging in comes before moving money or trading.
  e(S, 'trading_login', '', 'place_order', '', 'prerequisite'),
  e(S, 'trading_login', '', 'cancel_order', '', 'prerequisite'),
  e(S, 'trading_login', '', 'make_transaction', '', 'prerequisite'),
  e(S, 'trading_login', '', 'fund_account', '', 'prerequisite'),

  // posting_api: actions "for the authenticated user" need authenticate_twitter first.
  e(P, 'authenticate_twitter', '', 'post_tweet', '', 'prerequisite'),
  e(P, 'authenticate_twitter', '', 'comment', '', 'prerequisite'),
  e(P, 'authenticate_twitter', '', 'retweet', '', 'prerequisite'),
  e(P, 'authenticate_twitter', '', 'follow_user', '', 'prerequisite'),
  e(P, 'authenticate_twitter', '', 'unfollow_user', '', 'prerequisite'),
  e(P, 'authenticate_twitter', '', 'list_all_following', '', 'prerequisite'),
  // A posted or found tweet's id is what every tweet action takes.
  e(P, 'post_tweet', 'id', 'get_tweet', 'tweet_id', 'full'),
  e(P, 'post_tweet', 'id', 'comment', 'tweet_id', 'partial'),
  e(P, 'post_tweet', 'id', 'retweet', 'tweet_id', 'full'),
  e(P, 'post_tweet', 'id', 'mention', 'tweet_id', 'partial'),
  e(P, 'post_tweet', 'id', 'get_tweet_comments', 'tweet_id', 'full'),
  e(P, 'search_tweets', 'matching_tweets[].id', 'retweet', 'tweet_id', 'full'),
  e(P, 'search_tweets', 'matching_tweets[].id', 'comment', 'tweet_id', 'partial'),
  e(P, 'get_user_tweets', 'user_tweets[].id', 'get_tweet_comments', 'tweet_id', 'full'),
  // Authors of tweets are users to follow or to look up.
  e(P, 'get_tweet', 'username', 'follow_user', 'username_to_follow', 'full'),
  e(P, 'get_tweet', 'username', 'get_user_stats', 'username', 'full'),
  e(P, 'search_tweets', 'matching_tweets[].username', 'get_user_tweets', 'username', 'full'),
  e(P, 'list_all_following', 'following_list', 'unfollow_user', 'username_to_unfollow', 'full'),

  // ticket_api: a created or listed ticket's id is taken by get/close/resolve/edit.
  e(K, 'create_ticket', 'id', 'get_ticket', 'ticket_id', 'full'),
  e(K, 'create_ticket', 'id', 'close_ticket', 'ticket_id', 'full'),
  e(K, 'create_ticket', 'id', 'resolve_ticket', 'ticket_id', 'partial'),
  e(K, 'create_ticket', 'id', 'edit_ticket', 'ticket_id', 'partial'),
  e(K, 'get_user_tickets', 'id', 'close_ticket', 'ticket_id', 'full'),
  e(K, 'get_user_tickets', 'id', 'resolve_ticket', 'ticket_id', 'partial'),
  e(K, 'ticket_login', '', 'create_ticket', '', 'prerequisite'),
  e(K, 'ticket_login', '', 'get_user_tickets', '', 'prerequisite'),

  // message_api: a user id (looked up or of a new contact) is a receiver; a sent message can be deleted.
  e(M, 'get_user_id', 'user_id', 'send_message', 'receiver_id', 'partial'),
  e(M, 'get_user_id', 'user_id', 'message_login', 'user_id', 'full'),
  e(M, 'get_user_id', 'user_id', 'delete_message', 'receiver_id', 'full'),
  e(M, 'add_contact', 'user_id', 'send_message', 'receiver_id', 'partial'),
  e(M, 'send_message', 'message_id', 'delete_message', 'message_id', 'partial'),
  e(M, 'search_messages', 'results[].receiver_id', 'delete_message', 'receiver_id', 'full'),
  e(M, 'message_login', '', 'send_message', '', 'prerequisite'),
  e(M, 'message_login', '', 'delete_message', '', 'prerequisite'),

  // gorilla_file_system: an entry listed by ls is a file to read/remove or a folder to enter.
  e(F, 'ls', 'current_directory_content', 'cat', 'file_name', 'full'),
  e(F, 'ls', 'current_directory_content', 'cd', 'folder', 'full'),
  e(F, 'ls', 'current_directory_content', 'rm', 'file_name', 'full'),
  e(F, 'ls', 'current_directory_content', 'tail', 'file_name', 'full'),
  e(F, 'cat', 'file_content', 'echo', 'content', 'full'),

  // vehicle_control
  e(V, 'get_zipcode_based_on_city', 'zipcode', 'estimate_distance', 'cityA', 'full'),
  e(V, 'estimate_distance', 'distance', 'estimate_drive_feasibility_by_mileage', 'distance', 'full'),
  e(V, 'liter_to_gallon', 'gallon', 'fillFuelTank', 'fuelAmount', 'full'),
  e(V, 'find_nearest_tire_shop', 'shopLocation', 'set_navigation', 'destination', 'full'),
  e(V, 'check_tire_pressure', '', 'find_nearest_tire_shop', '', 'prerequisite'),

  // math_api: a computed number rounded.
  e(A, 'mean', 'result', 'round_number', 'number', 'full'),
  e(A, 'divide', 'result', 'round_number', 'number', 'full'),
];
